package org.audotics.shell.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.audotics.auth.api.AccountService;
import org.audotics.catalog.api.CatalogService;
import org.audotics.health.api.HealthCheck;
import org.audotics.health.api.HealthStatus;
import org.audotics.health.api.JobSource;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.RecommendationService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * {@code audotics:status}: this node's readiness (every health check, as {@code GET /health/ready} aggregates them),
 * the versions of the server and of its APIs, and counts: bundles, engines, accounts, the catalog revision, jobs that
 * have not ended. Each part reads its API service; a part whose service is absent says so instead.
 */
@Service
@Command(scope = "audotics", name = "status", description = "Readiness, versions and counts of this node")
public final class StatusCommand implements Action {

    @Reference
    BundleContext context;

    @Reference(optional = true)
    RecommendationService recommendations;

    @Reference(optional = true)
    AccountService accounts;

    @Reference(optional = true)
    CatalogService catalog;

    @Override
    public Object execute() throws InvalidSyntaxException {
        System.out.println("Audotics " + context.getBundle().getVersion() + " on Karaf " + System.getProperty("karaf.version", "?")
                + ", Java " + System.getProperty("java.version"));
        readiness();
        versions();
        counts();
        return null;
    }

    private void readiness() throws InvalidSyntaxException {
        List<List<String>> rows = new ArrayList<>();
        boolean ready = true;
        Collection<ServiceReference<HealthCheck>> checks = context.getServiceReferences(HealthCheck.class, null);
        for (ServiceReference<HealthCheck> reference : checks) {
            HealthCheck check = context.getService(reference);
            if (check == null) {
                continue;
            }
            HealthStatus status;
            try {
                status = check.check();
            } catch (RuntimeException e) {
                status = HealthStatus.down(e.toString()); // a check must not throw; if one does it is not up
            } finally {
                context.ungetService(reference);
            }
            ready &= status.up();
            Object name = reference.getProperty(HealthCheck.NAME);
            rows.add(List.of(name == null ? "?" : name.toString(), status.up() ? "up" : "DOWN", status.detail()));
        }
        rows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        System.out.println("Ready: " + (ready && !rows.isEmpty() ? "yes" : "NO") + " (" + rows.size() + " health checks)");
        Text.table(List.of("CHECK", "STATE", "DETAIL"), rows).forEach(line -> System.out.println("  " + line));
    }

    private void versions() {
        Map<String, String> apis = new TreeMap<>();
        int ours = 0;
        int active = 0;
        int all = 0;
        for (Bundle bundle : context.getBundles()) {
            all++;
            boolean fragment = bundle.adapt(BundleRevision.class) != null
                    && (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("org.audotics.")) {
                ours++;
                if (bundle.getState() == Bundle.ACTIVE || fragment && bundle.getState() == Bundle.RESOLVED) {
                    active++;
                }
                BundleWiring wiring = bundle.adapt(BundleWiring.class);
                if (bundle.getSymbolicName().endsWith(".api") && wiring != null) {
                    for (BundleCapability export : wiring.getCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                        String pkg = (String) export.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
                        apis.put(pkg.substring("org.audotics.".length()), String.valueOf(export.getAttributes().get("version")));
                    }
                }
            }
        }
        List<String> listed = new ArrayList<>();
        apis.forEach((pkg, version) -> listed.add(pkg + " " + version));
        System.out.println("APIs: " + String.join(", ", listed));
        System.out.println("Bundles: " + active + " of " + ours + " Audotics bundles active (" + all + " bundles in all)");
    }

    private void counts() throws InvalidSyntaxException {
        int engines = Engines.registered(context).size();
        String engine;
        if (recommendations == null) {
            engine = "no recommendation service";
        } else {
            try {
                EngineInfo info = recommendations.activeEngine();
                engine = info.name() + " (" + info.bundle() + " " + info.bundleVersion() + ")";
            } catch (NoEngineException e) {
                engine = "none answers";
            }
        }
        System.out.println("Engines: " + engines + " registered; answering: " + engine);
        System.out.println("Accounts: " + (accounts == null ? "no account service" : Long.toString(accounts.count())));
        System.out.println("Catalog revision: " + (catalog == null ? "no catalog service" : Long.toString(catalog.revision())));
        List<String> running = new ArrayList<>();
        for (Jobs.Source source : Jobs.sources(context)) {
            JobSource jobs = context.getService(source.reference());
            if (jobs == null) {
                continue;
            }
            try {
                long unfinished = jobs.recentJobs(100).stream().filter(job -> !job.finished()).count();
                running.add(source.kind() + " " + unfinished);
            } catch (RuntimeException e) {
                running.add(source.kind() + " ?");
            } finally {
                context.ungetService(source.reference());
            }
        }
        System.out.println("Jobs not ended (of the newest 100 per kind): " + (running.isEmpty() ? "no job sources" : String.join(", ", running)));
    }
}
