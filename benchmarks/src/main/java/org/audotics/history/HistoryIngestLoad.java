package org.audotics.history;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load for {@code POST /v1/me/events}: many clients, each a listener of its own posting batches of events as fast as
 * answers come back, for a fixed time. Prints the events per second acknowledged (2xx), the non-2xx count, and the
 * latency percentiles of a batch. JDK only, run by the source launcher (benchmarks/history-ingest.sh):
 * {@code java HistoryIngestLoad.java BASE_URLS TOKENS_FILE TRACK_IDS_FILE SECONDS BATCH_SIZE [SPREAD_DAYS=1] [RATE=0]}: the
 * events of a batch start at random times over the last SPREAD_DAYS days (a client batches what it played lately; a
 * wider spread touches more daily rollup rows per batch). BASE_URLS is one URL or several separated by commas (nodes
 * of one cluster): client i talks to URL i mod n. RATE, when above 0, is the total of events per second to offer:
 * each client then sends a batch every {@code clients * batch / RATE} seconds (sooner only if it fell behind), so the
 * latency printed is the latency at that rate, not at saturation.
 * Bodies are built before the clock starts, so the client spends its CPU on HTTP, not on JSON.
 */
public final class HistoryIngestLoad {

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        List<String> tokens = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).toList();
        List<String> tracks = Files.readAllLines(Path.of(args[2])).stream().filter(line -> !line.isBlank()).toList();
        int seconds = Integer.parseInt(args[3]);
        int batchSize = Integer.parseInt(args[4]);
        int spreadDays = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        double rate = args.length > 6 ? Double.parseDouble(args[6]) : 0;
        long intervalNanos = rate > 0 ? (long) (tokens.size() * (double) batchSize / rate * 1e9) : 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String runId = Long.toString(System.nanoTime(), 36);
        AtomicLong events = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        List<String[]> allBodies = new ArrayList<>();
        for (int c = 0; c < tokens.size(); c++) {
            allBodies.add(bodies(tracks, batchSize, spreadDays, new Random(c)));
        }
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (int c = 0; c < tokens.size(); c++) {
            String token = tokens.get(c);
            String[] bodies = allBodies.get(c);
            long[] nanos = new long[1_000_000];
            latencies.add(nanos);
            int client = c;
            String base = bases[c % bases.length];
            Thread thread = new Thread(() -> {
                int sent = 0;
                // paced clients start spread over one interval, not all at once
                long next = start + (intervalNanos == 0 ? 0 : intervalNanos * client / tokens.size());
                while (System.nanoTime() < deadline) {
                    if (intervalNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        next += intervalNanos;
                        if (System.nanoTime() >= deadline) {
                            break;
                        }
                    }
                    String body = "{\"batch_id\":\"" + runId + "-" + client + "-" + sent + "\"," + bodies[sent % bodies.length];
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/me/events")).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                    long before = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() / 100 == 2) {
                            events.addAndGet(batchSize);
                        } else {
                            failures.incrementAndGet();
                            if (failures.get() <= 3) {
                                System.err.println(answer.statusCode() + " " + answer.body());
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    nanos[sent % nanos.length] = System.nanoTime() - before;
                    sent++;
                }
                nanos[nanos.length - 1] = sent; // the count, read below
            });
            clients.add(thread);
            thread.start();
        }
        for (Thread thread : clients) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        for (long[] nanos : latencies) {
            int count = (int) Math.min(nanos[nanos.length - 1], nanos.length - 1);
            for (int i = 0; i < count; i++) {
                all.add(nanos[i]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf("clients %d on %d node(s), batch %d events, %s, %.1f s: %d events acknowledged = %.0f events/s, %d batches = %.1f batches/s,"
                + " %d non-2xx%n", tokens.size(), bases.length, batchSize, rate > 0 ? String.format("offered %.0f events/s", rate) : "unpaced",
                elapsed, events.get(), events.get() / elapsed, sorted.length, sorted.length / elapsed, failures.get());
        System.out.printf("POST latency ms: p50 %.1f  p90 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", percentile(sorted, 0.50), percentile(sorted, 0.90),
                percentile(sorted, 0.95), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    /** 16 different bodies (without the batch id) per client: plays, skips, likes and bans over the last {@code spreadDays} days. */
    private static String[] bodies(List<String> tracks, int batchSize, int spreadDays, Random random) {
        String[] bodies = new String[16];
        long now = Instant.now().toEpochMilli();
        String[] types = {"play", "play", "play", "play", "play", "play", "skip", "skip", "like", "ban"};
        for (int b = 0; b < bodies.length; b++) {
            StringBuilder body = new StringBuilder("\"events\":[");
            for (int i = 0; i < batchSize; i++) {
                String type = types[random.nextInt(types.length)];
                body.append(i == 0 ? "" : ",").append("{\"type\":\"").append(type).append("\",\"track_id\":\"")
                        .append(tracks.get(random.nextInt(tracks.size()))).append("\",\"started_at\":\"")
                        .append(Instant.ofEpochMilli(now - (long) (random.nextDouble() * spreadDays * 86_400_000L))).append("\",\"ms_played\":")
                        .append(random.nextInt(240_000)).append(",\"context\":{\"type\":\"playlist\",\"id\":\"pl-").append(random.nextInt(50))
                        .append("\"}}");
            }
            bodies[b] = body.append("]}").toString();
        }
        return bodies;
    }
}
