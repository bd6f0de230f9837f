package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code /sessions/} page in Debian's headless Chromium, driven by npm {@code playwright-core}
 * (src/test/node/sessions-page-driver.js): two people sign in in two browser contexts, one starts a session, the
 * other joins it by its invite code; both see both members, a vote by one shows for the other, both show the same
 * item playing with its audio playing in the {@code <audio>} element (from a signed audio link), and a skip vote
 * moves both to the next item. Screenshots stay in {@code target/sessions-page-screenshots/}.
 *
 * <p>Skipped (not failed) where no Chromium is installed: {@code apt-get install chromium}, or name one with
 * {@code -Daudotics.it.chromium=/path}.
 */
@ExtendWith(SharedServer.class)
class SessionsPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ARTIST = "Pagetesters " + RUN;
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium");

    private static AudoticsServer server;
    private static List<String> tracks;

    @BeforeAll
    static void server(SharedServer.Running shared) throws Exception {
        server = shared.server();
        String lines = String.join("\n",
                line("page-" + RUN + "-1", "Morning Light " + RUN),
                line("page-" + RUN + "-2", "Evening Rain " + RUN));
        HttpAnswer imported = server.importLines(lines);
        assertEquals(200, imported.status(), imported.toString());
        tracks = Stream.of(imported.json().get("tracks").get(0), imported.json().get("tracks").get(1)).map(t -> t.get("id").asText()).toList();
        byte[] wav = AudioPipelineIT.clickTrack(120, 20);
        for (String track : tracks) {
            HttpAnswer uploaded = server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + track + "/audio"))
                    .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).header("Content-Type", "audio/wav")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(wav)));
            assertEquals(202, uploaded.status(), uploaded.toString());
        }
    }

    private static String line(String externalId, String name) {
        return String.format(Locale.ROOT,
                "{\"external_id\":\"%s\",\"name\":\"%s\",\"artists\":[{\"external_id\":\"page-artist-%s\",\"name\":\"%s\"}],"
                        + "\"album\":{\"external_id\":\"page-album-%s\",\"name\":\"Page album\",\"release_date\":\"2020-01-01\"},"
                        + "\"genres\":[\"page-genre\"],\"popularity\":40,\"duration_ms\":200000,\"explicit\":false,\"track_number\":1,\"disc_number\":1}",
                externalId, name, RUN, ARTIST, RUN);
    }

    /** Debian's Chromium, or the one named by {@code -Daudotics.it.chromium}; empty when there is none. */
    static Optional<Path> chromium() {
        String named = System.getProperty("audotics.it.chromium", "");
        if (!named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    @Test
    void twoPeopleInOneSessionSeeEachOtherTheirVotesAndTheSamePlayingItem() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no Chromium found (at -Daudotics.it.chromium="
                + System.getProperty("audotics.it.chromium", "") + ", else at " + CANDIDATES
                + "): install Debian's chromium (apt-get install -y chromium) to run the sessions page test");
        RealtimeFixture.User host = RealtimeFixture.user(server, "Ada");
        RealtimeFixture.User guest = RealtimeFixture.user(server, "Bob");
        String hostEmail = email(host);
        String guestEmail = email(guest);
        awaitSearchFinds(host, ARTIST, 2);

        Path screenshots = Path.of(System.getProperty("audotics.it.work", "target/it-servers")).getParent().resolve("sessions-page-screenshots");
        Files.createDirectories(screenshots);
        ObjectNode input = JSON.createObjectNode().put("base", server.uri("").toString().replaceAll("/$", ""))
                .put("chromium", chromium.get().toString()).put("screenshots", screenshots.toAbsolutePath().toString())
                .put("query", ARTIST).put("session_name", "Page " + RUN);
        input.putObject("host").put("email", hostEmail).put("password", RealtimeFixture.PASSWORD);
        input.putObject("guest").put("email", guestEmail).put("password", RealtimeFixture.PASSWORD);
        Map<String, JsonNode> steps = drive(input);

        assertEquals("Ada", steps.get("signed_in").get("host").asText());
        assertEquals("Bob", steps.get("signed_in").get("guest").asText());
        String sessionId = steps.get("created").get("session_id").asText();
        assertEquals(sessionId, steps.get("members").get("guest_session_id").asText(), "the guest joined the host's session by its code");
        assertEquals(List.of("Ada", "Bob"), texts(steps.get("members").get("host_sees")), "the host sees both members, longest first");
        assertEquals(List.of("Ada", "Bob"), texts(steps.get("members").get("guest_sees")), "the guest sees both members");

        JsonNode renewed = steps.get("renewed");
        assertTrue(renewed.get("before_due").asBoolean(), "an access token about to expire was renewed: " + renewed);
        assertTrue(renewed.get("after_refused").asBoolean(), "a refused access token was renewed and the page went on: " + renewed);
        assertEquals("Ada", renewed.get("signed_in_as").asText(), "still signed in after both renewals: " + renewed);
        assertEquals("", renewed.get("problem").asText(), "no error shown: " + renewed);

        JsonNode session = RealtimeFixture.ok(200, RealtimeFixture.call(server, guest, "GET", "/v1/sessions/" + sessionId, null));
        assertEquals(host.id(), session.get("host_id").asText());
        assertEquals(2, session.get("members").size());

        JsonNode voted = steps.get("voted");
        assertEquals("+1", voted.get("host_sees_votes").asText(), "the guest's vote shows on the host's page");
        assertEquals(voted.get("item_id").asText(), voted.get("host_sees_first").asText(), "the voted item moved first on the host's page");
        assertEquals("true", voted.get("guest_pressed").asText(), "the guest's own vote button shows it pressed");

        JsonNode now = steps.get("now_playing");
        String playing = now.get("host").get("item_id").asText();
        assertEquals(playing, now.get("guest").get("item_id").asText(), "both pages show the same item playing");
        assertEquals(voted.get("item_id").asText(), playing, "the item with the most votes played first");
        assertEquals(now.get("host").get("title").asText(), now.get("guest").get("title").asText());
        // the server's record of what played (the item skipped, then the next one playing now) names the item's track
        JsonNode played = RealtimeFixture.ok(200, RealtimeFixture.call(server, guest, "GET", "/v1/sessions/" + sessionId + "/played", null));
        String playingTrack = null;
        for (JsonNode item : played.get("items")) {
            if (item.get("id").asText().equals(playing)) {
                playingTrack = item.get("track_id").asText();
            }
        }
        assertTrue(tracks.contains(playingTrack), "the server played the item the pages showed: " + played);
        for (String who : List.of("host_audio", "guest_audio")) {
            JsonNode audio = now.get(who);
            assertEquals(playingTrack, audio.get("track_id").asText(), who + " plays the playing item's track");
            assertFalse(audio.get("paused").asBoolean(), who);
            assertTrue(audio.get("src").asText().contains("/v1/tracks/" + playingTrack + "/audio?expires="), who + " plays a signed link: " + audio);
        }
        System.out.println("[sessions page] audio drift from the server's position, ms (audio - server; sampled every 250 ms): " + steps.get("drift"));

        JsonNode skipped = steps.get("skipped");
        String next = skipped.get("host").get("item_id").asText();
        assertNotEquals(playing, next, "the skip vote moved on");
        assertEquals(next, skipped.get("guest").get("item_id").asText(), "both pages show the next item");

        // presence: both here while both pages are open; the guest away once their page closed, still a member
        for (String who : List.of("host_sees", "guest_sees")) {
            JsonNode shown = steps.get("present").get(who);
            assertEquals(2, shown.size(), shown.toString());
            shown.forEach(m -> assertEquals("true", m.get("present").asText(), "both are here, as " + who + ": " + shown));
        }
        JsonNode away = steps.get("away").get("host_sees");
        assertEquals("true", away.get(0).get("present").asText(), "the host is here: " + away);
        assertEquals("Bob", away.get(1).get("name").asText(), away.toString());
        assertEquals("false", away.get(1).get("present").asText(), "the guest who closed the page is away: " + away);

        for (String name : List.of("1-host-queue-voted", "1-guest-queue-voted", "2-host-now-playing", "2-guest-now-playing", "3-host-after-skip",
                "3-guest-after-skip", "4-host-guest-away")) {
            Path shot = screenshots.resolve(name + ".png");
            assertTrue(Files.size(shot) > 1000, "screenshot " + shot);
        }
    }

    @Test
    void thePageIsServedFromTheServerAndBadPathsAnswerJson() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(server.uri("/sessions/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<label for=\"invite-code\">"), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'") && policy.contains("media-src 'self'"), policy);
        HttpResponse<String> script = HTTP.send(HttpRequest.newBuilder(server.uri("/sessions/sessions.js")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(302, HTTP.send(HttpRequest.newBuilder(server.uri("/sessions")).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode(),
                "the page's relative links need the slash");
        assertJsonError(404, "not_found", server.send(HttpRequest.newBuilder(server.uri("/sessions/nothing.js")).GET()));
        assertJsonError(404, "not_found", server.send(HttpRequest.newBuilder(server.uri("/sessions/..%2Fsessions.js")).GET()));
        assertJsonError(404, "not_found", server.send(HttpRequest.newBuilder(server.uri("/sessions/a/b.html")).GET()));
        assertJsonError(405, "method_not_allowed", server.send(HttpRequest.newBuilder(server.uri("/sessions/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))));
    }

    @Test
    void aSignedAudioLinkPlaysItsTrackWithoutATokenAndNothingElse() throws Exception {
        RealtimeFixture.User listener = RealtimeFixture.user(server, "Cy");
        JsonNode link = RealtimeFixture.ok(200, RealtimeFixture.call(server, listener, "GET", "/v1/tracks/" + tracks.get(0) + "/audio/link", null));
        String url = link.get("url").asText();
        assertTrue(url.startsWith(server.uri("/v1/tracks/" + tracks.get(0) + "/audio?expires=").toString()), url);
        assertTrue(Instant.parse(link.get("expires_at").asText()).isAfter(Instant.now()));
        String query = url.substring(url.indexOf('?'));

        HttpResponse<byte[]> whole = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode(), "no token: the link is the credential");
        assertEquals("audio/wav", whole.headers().firstValue("Content-Type").orElse(null));
        HttpResponse<byte[]> range = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=0-99").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertEquals(100, range.body().length);

        assertJsonError(403, "forbidden", server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + tracks.get(1) + "/audio" + query)).GET()));
        String later = query.replaceFirst("expires=(\\d+)", "expires=" + (Long.parseLong(query.replaceAll(".*expires=(\\d+).*", "$1")) + 60));
        assertJsonError(403, "forbidden", server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + tracks.get(0) + "/audio" + later)).GET()));
        assertJsonError(403, "forbidden", server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + tracks.get(0) + "/audio?expires=1&signature=x")).GET()));
        assertJsonError(403, "forbidden", server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + tracks.get(0) + "/audio?expires=abc&signature="
                + "x".repeat(200))).GET()));
        assertJsonError(401, "unauthorized", server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + tracks.get(0) + "/audio")).GET()));
        assertJsonError(401, "unauthorized", server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + tracks.get(0) + "/audio/link")).GET()));
        assertJsonError(404, "not_found", RealtimeFixture.call(server, listener, "GET", "/v1/tracks/NoSuchTrack0000000000/audio/link", null));
    }

    private static void assertJsonError(int status, String code, HttpAnswer answer) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(code, answer.json().get("error").get("code").asText(), answer.toString());
        assertEquals(status, answer.json().get("error").get("status").asInt(), answer.toString());
    }

    private static String email(RealtimeFixture.User user) throws Exception {
        return RealtimeFixture.ok(200, RealtimeFixture.call(server, user, "GET", "/v1/me", null)).get("email").asText();
    }

    private static List<String> texts(JsonNode array) {
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(i -> array.get(i).asText()).toList();
    }

    /** The import reaches the search index through the catalog's events: wait (bounded) until the tracks are found. */
    private static void awaitSearchFinds(RealtimeFixture.User user, String query, int count) throws Exception {
        String path = "/v1/search?type=track&q=" + URLEncoder.encode("\"" + query + "\"", StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpAnswer answer;
        while ((answer = RealtimeFixture.call(server, user, "GET", path, null)).status() != 200
                || answer.json().get("tracks").get("total").asInt() < count) {
            if (System.nanoTime() > deadline) {
                fail("search never found the imported tracks: " + answer);
            }
            Thread.sleep(200);
        }
    }

    /** Runs the driver; @return its reports by step, after checking that it got to the end */
    private static Map<String, JsonNode> drive(ObjectNode input) throws Exception {
        Path node = Path.of(System.getProperty("audotics.it.node", "target/node"));
        Process process = new ProcessBuilder("node", node.resolve("sessions-page-driver.js").toString(), input.toString()).directory(node.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        Map<String, JsonNode> steps = new HashMap<>();
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[sessions page] " + line);
                all.append(line).append('\n');
                try {
                    JsonNode report = JSON.readTree(line);
                    steps.putIfAbsent(report.path("step").asText(), report);
                } catch (IOException notJson) {
                    // shown above
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the browser driver did not end");
        }
        assertFalse(steps.containsKey("page_error"), "the page threw: " + steps.get("page_error"));
        assertTrue(steps.containsKey("done"), "the browser driver stopped (exit " + process.exitValue() + "): " + all);
        assertEquals(0, process.exitValue());
        return steps;
    }
}
