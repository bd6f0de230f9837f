package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while several clients post events: every batch answered with a 2xx is in PostgreSQL after
 * the restart, whole (no batch half-stored), and re-sending every batch afterwards stores none twice.
 */
class HistoryCrashIT {

    private static final int CLIENTS = 4;
    private static final int EVENTS_PER_BATCH = 200;

    @Test
    void everyAcknowledgedEventSurvivesAKillDuringIngestAndNoBatchIsStoredTwice() throws Exception {
        try (TestDatabase database = new TestDatabase()) {
            String prefix = "audotics-it-" + UUID.randomUUID().toString().substring(0, 8) + ":";
            AudoticsServer server = AudoticsServer.start("history-crash", Map.of(
                    "org.audotics.storage", "url = " + database.url + "\nuser = " + TestDatabase.USER + "\npassword = " + TestDatabase.PASSWORD + "\n",
                    "org.audotics.cache", "redis.uri = " + SharedServer.REDIS_URI + "\nkey.prefix = " + prefix + "\n"), true);
            try {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < 50; i++) {
                    lines.append(TrackLines.track("crash-" + i, "Crash " + i, "crash-artist-" + (i % 5), "rock", i, 0.5, 100)).append('\n');
                }
                HttpAnswer imported = server.importLines(lines.toString());
                assertEquals(200, imported.status(), imported.toString());
                List<String> tracks = new ArrayList<>();
                imported.json().get("tracks").forEach(track -> tracks.add(track.get("id").asText()));
                List<Listener> listeners = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    listeners.add(Listener.signUp(server, "crash" + c));
                }

                Map<String, Integer> acknowledged = new ConcurrentHashMap<>(); // "user/batch" -> events
                Map<String, String> sent = new ConcurrentHashMap<>();          // "user/batch" -> body, for the re-send
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger unexpected = new AtomicInteger();
                List<Thread> clients = new ArrayList<>();
                for (Listener listener : listeners) {
                    Thread client = new Thread(() -> {
                        for (int b = 0; !stop.get(); b++) {
                            String batchId = "crash-batch-" + b;
                            String body = body(batchId, tracks, b);
                            sent.put(listener.id() + "/" + batchId, body);
                            try {
                                HttpAnswer answer = listener.postEvents(server, body);
                                if (answer.status() == 200) {
                                    acknowledged.put(listener.id() + "/" + batchId, answer.json().get("stored").asInt());
                                } else if (answer.status() != 503) {
                                    unexpected.incrementAndGet();
                                }
                            } catch (Exception connectionLost) {
                                return; // the server is gone: this batch may or may not be stored
                            }
                        }
                    });
                    clients.add(client);
                    client.start();
                }
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (acknowledged.size() < 40 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                server.crash(); // SIGKILL, mid-ingest
                stop.set(true);
                for (Thread client : clients) {
                    client.join(30_000);
                }
                assertEquals(0, unexpected.get());
                assertTrue(acknowledged.size() >= 40, "acknowledged before the kill: " + acknowledged.size());

                server.restart();
                // every acknowledged batch is there, whole
                for (Map.Entry<String, Integer> batch : acknowledged.entrySet()) {
                    String[] key = batch.getKey().split("/", 2);
                    assertEquals(1, database.count("SELECT count(*) FROM history_batch WHERE user_id = ? AND batch_id = ? AND event_count = ?",
                            key[0], key[1], batch.getValue()), batch.getKey());
                }
                long storedEvents = database.count("SELECT count(*) FROM history_event");
                long storedBatches = database.count("SELECT count(*) FROM history_batch");
                assertEquals(storedBatches * EVENTS_PER_BATCH, storedEvents, "no batch is half-stored");
                assertTrue(storedEvents >= (long) acknowledged.size() * EVENTS_PER_BATCH);
                System.out.printf("HistoryCrashIT: %d batches acknowledged before the kill, %d stored (%d events)%n",
                        acknowledged.size(), storedBatches, storedEvents);

                // the clients retry everything they sent: what was stored answers duplicate, the rest is stored now
                int duplicates = 0;
                for (Map.Entry<String, String> batch : sent.entrySet()) {
                    Listener listener = listeners.stream().filter(l -> batch.getKey().startsWith(l.id() + "/")).findFirst().orElseThrow();
                    HttpAnswer answer = listener.postEvents(server, batch.getValue());
                    assertEquals(200, answer.status(), answer.toString());
                    duplicates += answer.json().get("duplicate").asBoolean() ? 1 : 0;
                }
                assertEquals(storedBatches, duplicates);
                assertEquals((long) sent.size() * EVENTS_PER_BATCH, database.count("SELECT count(*) FROM history_event"));
            } finally {
                server.close();
            }
        }
    }

    private static String body(String batchId, List<String> tracks, int seed) {
        String[] events = new String[EVENTS_PER_BATCH];
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
            events[i] = Listener.play(tracks.get((seed * 7 + i) % tracks.size()), start.plusSeconds(i).toString(), 1000L + i);
        }
        return Listener.batch(batchId, events);
    }
}
