package org.audotics.itests.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.audotics.catalog.api.AlbumImport;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.TrackImport;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.audotics.recommendation.api.Recommender;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.Configuration.ConfigurationAttribute;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Promises of the built distribution that cannot be seen over HTTP, checked inside one running Karaf (booted once
 * for the class): bundle states, one registration per API service, an engine built against the released 1.0 API,
 * Config Admin rebinding, isolation of one implementation bundle, catalog events through Event Admin.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerIT {

    /**
     * API interfaces that are not one service by design, with the reason. Every other public interface of an
     * exported {@code org.audotics.*.api} package must be registered exactly once.
     */
    static final Map<String, String> NOT_ONE_SERVICE = Map.of(
            "org.audotics.auth.api.Authenticator",
            "many: one per kind of credential (the JWT access tokens, the operator's admin token); the http bundle asks each in turn",
            "org.audotics.health.api.HealthCheck",
            "many: a whiteboard, every bundle with a dependency to watch registers its own check",
            "org.audotics.recommendation.api.Recommender",
            "many: the engines (built-in feature-knn at ranking -100, the hybrid engine, any third party's); the service picks one",
            "org.audotics.health.api.JobSource",
            "many: a whiteboard, one source per kind of job (import, scan, analysis, training) for audotics:jobs",
            "org.audotics.recommendation.api.SimilarityRecommender",
            "none: a capability an engine's Recommender object may implement (the service asks the active engine by instanceof); never registered on its own",
            "org.audotics.ml.api.Classifier",
            "none: a trained model object returned by ModelRuntime.train/load, owned by its caller, never registered",
            "org.audotics.storage.cayenne.api.ObjectStore",
            "none: returned by ObjectStores.open for one bundle's mapping, owned by that bundle, never registered");

    @Inject
    BundleContext context;

    @Inject
    CatalogService catalog;

    @Inject
    RecommendationService recommendations;

    @Inject
    ConfigurationAdmin configurationAdmin;

    private static List<String> trackIds;

    @Configuration
    public Option[] configuration() {
        return AudoticsContainer.configuration();
    }

    /** Waits for Karaf's boot features (BootFinished) and imports a few tracks with features for the engines. */
    private void bootedWithCatalog() throws Exception {
        Await.until("Karaf's boot features installed", () -> context.getServiceReference("org.apache.karaf.features.BootFinished"),
                reference -> reference != null);
        synchronized (ContainerIT.class) {
            if (trackIds == null) {
                List<TrackImport> batch = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    batch.add(track("exam-seed-" + i, "examgenre", 10 + i * 5));
                }
                trackIds = catalog.importTracks(batch).tracks().stream().map(ImportResult.ImportedTrack::id).toList();
            }
        }
    }

    private static TrackImport track(String externalId, String genre, int popularity) {
        AudioFeatures features = new AudioFeatures(0.2, 0.6, 0.7, 0.1, 5, 0.1, -7, 1, 0.05, 122, 4, 0.6);
        return new TrackImport(externalId, "Track " + externalId, List.of(new ArtistImport(externalId + "-artist", "Artist " + externalId)),
                new AlbumImport(externalId + "-album", "Album " + externalId, "2024"), List.of(genre), popularity, 200_000, false, 1, 1,
                features);
    }

    @Test
    public void everyBundleOfTheDistributionResolvesAndIsActive() throws Exception {
        bootedWithCatalog();
        Map<String, String> notActive = new TreeMap<>();
        int ours = 0;
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                notActive.put(bundle.getSymbolicName() + " " + bundle.getVersion(), state(bundle.getState()) + (fragment ? " (fragment)" : ""));
            }
            if (bundle.getSymbolicName().startsWith("org.audotics.")) {
                ours++;
            }
        }
        assertEquals("bundles not active (fragments: not resolved)", Map.of(), notActive);
        // the distribution's own bundles are there at all (33 modules today; the hybrid engine is installed by "audotics")
        assertTrue("our bundles in the container: " + ours, ours >= 30);
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (unresolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    @Test
    public void eachApiServiceIsRegisteredOnce() throws Exception {
        bootedWithCatalog();
        Map<String, Integer> counts = new TreeMap<>();
        for (String api : apiInterfaces()) {
            ServiceReference<?>[] references = context.getAllServiceReferences(api, null);
            counts.put(api, references == null ? 0 : references.length);
        }
        assertTrue("API interfaces found: " + counts.keySet(), counts.size() >= 25);
        Map<String, Integer> wrong = new TreeMap<>();
        counts.forEach((api, count) -> {
            if (!NOT_ONE_SERVICE.containsKey(api) && count != 1) {
                wrong.put(api, count);
            }
        });
        assertEquals("API services registered other than once (all: " + counts + ")", Map.of(), wrong);
        // the documented exceptions are what they say: many (at least one) or none
        NOT_ONE_SERVICE.forEach((api, reason) -> {
            int count = counts.getOrDefault(api, -1);
            assertTrue(api + " is not an API interface any more; remove it from the exceptions", count >= 0);
            assertTrue(api + ": " + reason + "; registered " + count, reason.startsWith("none") ? count == 0 : count >= 1);
        });
    }

    /** Every public top-level interface of the packages the {@code org.audotics.*.api} bundles export. */
    private Set<String> apiInterfaces() throws ClassNotFoundException {
        Set<String> interfaces = new TreeSet<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (!name.startsWith("org.audotics.") || !name.endsWith(".api")) {
                continue;
            }
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            for (var export : wiring.getCapabilities("osgi.wiring.package")) {
                String pkg = (String) export.getAttributes().get("osgi.wiring.package");
                for (String resource : wiring.listResources(pkg.replace('.', '/'), "*.class", 0)) {
                    String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
                    if (className.contains("$") || className.endsWith("package-info")) {
                        continue;
                    }
                    Class<?> type = bundle.loadClass(className);
                    if (type.isInterface() && !type.isAnnotation() && java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
                        interfaces.add(className);
                    }
                }
            }
        }
        return interfaces;
    }

    @Test
    public void anEngineBuiltAgainstTheReleasedOneZeroApiBindsAndServes() throws Exception {
        bootedWithCatalog();
        String builtIn = recommendations.activeEngine().name();
        Path jar = Path.of(System.getProperty("audotics.example.jar"));
        Bundle engine;
        try (InputStream in = Files.newInputStream(jar)) {
            engine = context.installBundle("audotics-exam:popularity-recommender", in);
        }
        try {
            engine.start();
            // built against 1.0: it imports the recommendation API from 1.0 on, and is wired to today's API bundle
            String imports = engine.getHeaders().get(Constants.IMPORT_PACKAGE);
            assertTrue("imports: " + imports, imports.contains("org.audotics.recommendation.api;version=\"[1.0,2)\""));
            BundleWire apiWire = engine.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                    .filter(wire -> "org.audotics.recommendation.api".equals(wire.getCapability().getAttributes().get("osgi.wiring.package")))
                    .findFirst().orElseThrow();
            assertEquals("org.audotics.recommendation.api", apiWire.getProvider().getBundle().getSymbolicName());
            assertTrue("wired to API " + apiWire.getCapability().getAttributes().get("version"),
                    apiWire.getCapability().getAttributes().get("version").toString().compareTo("1.4") >= 0);

            Await.until("the 1.0 engine is the active one", () -> recommendations.activeEngine().name(), "popularity"::equals);
            Recommendations answer = recommendations.recommend(
                    new RecommendationRequest(List.of(trackIds.get(0)), List.of(), List.of(), Map.of(), null), 5);
            assertEquals("popularity", answer.engine().name());
            assertEquals(5, answer.tracks().size());
            // popularity order: the most popular imported tracks first
            assertEquals(trackIds.get(11), answer.tracks().get(0).track().id());
        } finally {
            engine.uninstall();
        }
        Await.until("the built-in engine again after the 1.0 engine left", () -> recommendations.activeEngine().name(), builtIn::equals);
    }

    @Test
    public void changingTheRecommenderTargetRebindsWithoutRestart() throws Exception {
        bootedWithCatalog();
        Bundle recommendationBundle = bundle("org.audotics.recommendation");
        ServiceReference<RecommendationService> before = context.getServiceReference(RecommendationService.class);
        long serviceId = (Long) before.getProperty(Constants.SERVICE_ID);
        String builtIn = recommendations.activeEngine().name();
        org.osgi.service.cm.Configuration config = configurationAdmin.getConfiguration("org.audotics.recommendation", "?");
        Dictionary<String, Object> original = config.getProperties();
        String other = builtIn.equals("feature-knn") ? "hybrid" : "feature-knn";
        try {
            Dictionary<String, Object> changed = copy(original);
            changed.put("recommender.target", "(" + Recommender.NAME + "=" + other + ")");
            config.update(changed);
            Await.until("the targeted engine " + other, () -> recommendations.activeEngine().name(), other::equals);
            Recommendations answer = recommendations.recommend(
                    new RecommendationRequest(List.of(), List.of(), List.of("examgenre"), Map.of(), null), 3);
            assertEquals(other, answer.engine().name());
            // the same service object and the same bundle: rebound in place, not restarted
            assertEquals(serviceId, context.getServiceReference(RecommendationService.class).getProperty(Constants.SERVICE_ID));
            assertEquals(Bundle.ACTIVE, recommendationBundle.getState());
        } finally {
            config.update(copy(original));
        }
        Await.until("the engine before the change", () -> recommendations.activeEngine().name(), builtIn::equals);
        assertEquals(serviceId, context.getServiceReference(RecommendationService.class).getProperty(Constants.SERVICE_ID));
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        if (properties != null) {
            for (var keys = properties.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                copy.put(key, properties.get(key));
            }
        }
        return copy;
    }

    @Test
    public void stoppingOrUpdatingOneImplementationBundleLeavesTheOthersBound() throws Exception {
        bootedWithCatalog();
        Bundle library = bundle("org.audotics.library");
        Set<String> libraryServices = serviceNames(library);
        assertTrue("the library registers its API services: " + libraryServices,
                libraryServices.contains("org.audotics.library.api.PlaylistService"));
        Map<Long, String> othersBefore = servicesOfOthers(library);

        library.stop();
        assertEquals("the other bundles' services, unchanged while the library is stopped", othersBefore, servicesOfOthers(library));
        assertEquals(0, context.getServiceReferences("org.audotics.library.api.PlaylistService", null) == null ? 0 : 1);
        for (String dependent : NEED_THE_LIBRARY) {
            assertNull(dependent + " goes away with the library", registered(dependent));
        }

        library.start();
        Await.until("the library's services back after start", () -> serviceNames(library), names -> names.containsAll(libraryServices));
        assertEquals("the other bundles' services, unchanged after the library restarted", othersBefore, servicesOfOthers(library));
        for (String dependent : NEED_THE_LIBRARY) {
            Await.until(dependent + " back with the library", () -> registered(dependent), found -> found != null);
        }

        library.update();
        Await.until("the library's services back after update", () -> serviceNames(library), names -> names.containsAll(libraryServices));
        assertEquals("the other bundles' services, unchanged after the library was updated", othersBefore, servicesOfOthers(library));
    }

    /**
     * Components that cannot work without the library's API and so go away with it, their REST resources answering
     * 503 meanwhile: the discovery playlists are written through PlaylistService. Everything else stays bound.
     */
    private static final Set<String> NEED_THE_LIBRARY = Set.of("org.audotics.recommendation.internal.discovery.DiscoveryPlaylists");

    /** The service ids and interfaces registered by every org.audotics bundle but {@code except} and {@link #NEED_THE_LIBRARY}. */
    private Map<Long, String> servicesOfOthers(Bundle except) {
        Map<Long, String> services = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() == except.getBundleId() || !bundle.getSymbolicName().startsWith("org.audotics.")
                    || bundle.getRegisteredServices() == null) {
                continue;
            }
            for (ServiceReference<?> reference : bundle.getRegisteredServices()) {
                if (!Collections.disjoint(NEED_THE_LIBRARY, Arrays.asList((String[]) reference.getProperty(Constants.OBJECTCLASS)))) {
                    continue;
                }
                services.put((Long) reference.getProperty(Constants.SERVICE_ID),
                        bundle.getSymbolicName() + " " + Arrays.toString((String[]) reference.getProperty(Constants.OBJECTCLASS)));
            }
        }
        return services;
    }

    /** @return the references registered under {@code name}, or null for none */
    private ServiceReference<?>[] registered(String name) {
        try {
            return context.getServiceReferences(name, null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> serviceNames(Bundle bundle) {
        Set<String> names = new TreeSet<>();
        ServiceReference<?>[] references = bundle.getRegisteredServices();
        if (references != null) {
            for (ServiceReference<?> reference : references) {
                names.addAll(Arrays.asList((String[]) reference.getProperty(Constants.OBJECTCLASS)));
            }
        }
        return names;
    }

    @Test
    public void catalogChangeEventsArriveThroughEventAdminWithTheIdsWritten() throws Exception {
        bootedWithCatalog();
        List<Event> events = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "org/audotics/catalog/*");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, events::add, properties);
        try {
            ImportResult written = catalog.importTracks(List.of(track("exam-event-1", "examevents", 40), track("exam-event-2", "examevents", 41)));
            Set<String> ids = written.tracks().stream().map(ImportResult.ImportedTrack::id).collect(Collectors.toSet());
            assertEquals(2, ids.size());
            Event created = Await.until("TRACK_CREATED with the ids written", () -> find(events, CatalogEvents.TRACK_CREATED, ids), e -> e != null);
            long revision = (Long) created.getProperty(CatalogEvents.REVISION);
            assertTrue("revision " + revision + " at most the catalog's " + catalog.revision(), revision <= catalog.revision() && revision >= 1);
            Set<String> artistIds = new LinkedHashSet<>();
            for (String id : ids) {
                catalog.track(id).orElseThrow().artists().forEach(artist -> artistIds.add(artist.id()));
            }
            Event artists = Await.until("ARTIST_CREATED with the artists written", () -> find(events, CatalogEvents.ARTIST_CREATED, artistIds), e -> e != null);
            assertEquals("one write, one revision", revision, artists.getProperty(CatalogEvents.REVISION));
            assertEquals("this node's own event has no origin", null, created.getProperty(CatalogEvents.ORIGIN));
        } finally {
            handler.unregister();
        }
    }

    /** The first event on {@code topic} whose ids are exactly {@code ids}, or null. */
    private static Event find(List<Event> events, String topic, Set<String> ids) {
        for (Event event : events) {
            if (event.getTopic().equals(topic) && event.getProperty(CatalogEvents.IDS) instanceof String[] written
                    && Set.of(written).equals(ids)) {
                return event;
            }
        }
        return null;
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }
}
