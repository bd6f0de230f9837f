package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The architecture's central promise: an engine jar dropped into deploy/ takes over, and removing it
 * hands back to the built-in engine, while clients keep asking, without one failed request.
 */
@ExtendWith(SharedServer.class)
class HotSwapIT {

    private static final int CLIENTS = 4;
    private static AudoticsServer server;

    @BeforeAll
    static void catalog(SharedServer.Running shared) throws Exception {
        server = shared.server();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append(TrackLines.track("swap-it-" + i, "swap " + i, "swap-artist-" + (i % 4), "itswap", i * 2, i / 40.0, 80 + i))
                    .append('\n');
        }
        HttpAnswer imported = server.importLines(lines.toString());
        assertEquals(200, imported.status());
        List<String> ids = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> ids.add(track.get("id").asText()));
        awaitIndexed(ids);
    }

    /** The index catches up with an import off the request path, within about a second: wait for it. */
    private static void awaitIndexed(List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpAnswer answer = server.get("/v1/recommendations?seed_genres=itswap&limit=100");
            if (answer.status() == 200 && ids.stream().allMatch(id -> answer.response().body().contains(id))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the swap tracks were not indexed within 60 s");
    }

    @Test
    void switchesEngineBothWaysWithoutDroppingRequests() throws Exception {
        Path jar = Path.of(System.getProperty("audotics.example.jar"));
        Path deployed = server.deployFolder().resolve("popularity-recommender.jar");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong served = new AtomicLong();
        Map<String, AtomicLong> byEngine = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = server.uri("/v1/recommendations?seed_genres=itswap&limit=5");
        // the server's own default engine (feature-knn or the hybrid engine above it), handed back to after the swap
        String builtIn = server.get("/v1/recommender").json().get("name").asText();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).timeout(Duration.ofSeconds(30)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !response.body().contains("\"tracks\":[{")) {
                            failures.add(response.statusCode() + " " + response.body());
                        } else {
                            served.incrementAndGet();
                            byEngine.computeIfAbsent(response.headers().firstValue("Audotics-Engine").orElse("?"), e -> new AtomicLong()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }, "hot-swap-client-" + c);
            client.start();
            clients.add(client);
        }
        long started = System.nanoTime();
        try {
            Thread.sleep(1000);
            Path staging = Files.createTempFile(server.home, "engine", ".tmp");
            Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staging, deployed, StandardCopyOption.ATOMIC_MOVE);
            awaitEngine("popularity");
            long swappedIn = System.nanoTime();
            theServiceFilterHoldsForTheOneZeroEngine();
            Thread.sleep(1000);
            Files.delete(deployed);
            awaitEngine(builtIn);
            long swappedOut = System.nanoTime();
            Thread.sleep(1000);
            System.out.printf("HotSwapIT: engine in after %d ms, out after %d ms%n",
                    (swappedIn - started) / 1_000_000 - 1000, (swappedOut - swappedIn) / 1_000_000 - 2000);
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }
            if (Files.deleteIfExists(deployed)) { // a failure above must not leave the engine to the next test class
                awaitEngine(builtIn);
            }
        }
        System.out.printf("HotSwapIT: %d requests served (%s), %d failed%n", served.get(), byEngine, failures.size());
        assertEquals(List.of(), List.copyOf(failures), "no request may fail during a swap");
        assertTrue(byEngine.getOrDefault("popularity", new AtomicLong()).get() > 0, "the deployed engine answered: " + byEngine);
        assertTrue(byEngine.getOrDefault(builtIn, new AtomicLong()).get() > 0, "the server's own engine answered: " + byEngine);
        assertTrue(served.get() > 50, "clients kept asking: " + served.get());
    }

    /**
     * The example is built against recommendation-api 1.0.0 as released (examples/recommendation-api-1.0): its
     * manifest imports the API from 1.0 on, and it knows nothing of the exclusions and artist cap of 1.2.
     */
    @Test
    void theExampleEngineIsBuiltAgainstTheReleasedOneZeroApi() throws Exception {
        try (var jar = new java.util.jar.JarFile(System.getProperty("audotics.example.jar"))) {
            String imports = jar.getManifest().getMainAttributes().getValue("Import-Package");
            assertTrue(imports.contains("org.audotics.recommendation.api;version=\"[1.0,2)\""), imports);
            assertEquals(null, jar.getManifest().getMainAttributes().getValue("Export-Package"));
        }
    }

    /** While the 1.0 engine answers, the service still enforces exclude_artists, exclude_tracks and max_per_artist. */
    private static void theServiceFilterHoldsForTheOneZeroEngine() throws Exception {
        HttpAnswer all = server.get("/v1/recommendations?seed_genres=itswap&limit=20");
        assertEquals("popularity", all.response().headers().firstValue("Audotics-Engine").orElse("?"));
        String excludedArtist = all.json().get("tracks").get(0).get("artists").get(0).get("id").asText();
        String excludedTrack = all.json().get("tracks").get(1).get("id").asText();
        HttpAnswer filtered = server.get("/v1/recommendations?seed_genres=itswap&limit=10&max_per_artist=2&exclude_artists="
                + excludedArtist + "&exclude_tracks=" + excludedTrack);
        assertEquals(200, filtered.status(), filtered.toString());
        assertEquals("popularity", filtered.response().headers().firstValue("Audotics-Engine").orElse("?"));
        Map<String, Integer> perArtist = new ConcurrentHashMap<>();
        filtered.json().get("tracks").forEach(track -> {
            String artist = track.get("artists").get(0).get("id").asText();
            assertTrue(!artist.equals(excludedArtist) && !track.get("id").asText().equals(excludedTrack), filtered.toString());
            assertTrue(perArtist.merge(artist, 1, Integer::sum) <= 2, filtered.toString());
        });
        // the three other swap artists have ten tracks each: two each at least, whatever else the catalog holds
        assertTrue(filtered.json().get("tracks").size() >= 6, "the service asked the engine for enough: " + filtered);
    }

    private static void awaitEngine(String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (name.equals(server.get("/v1/recommender").json().get("name").asText())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("engine " + name + " did not become active within 60 s");
    }
}
