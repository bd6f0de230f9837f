package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Scanning a music folder through the built server: POST /v1/scans, its progress, its errors. */
@ExtendWith(SharedServer.class)
class ScanIT {

    private static AudoticsServer server;
    private static Path root;

    @BeforeAll
    static void server(SharedServer.Running shared) {
        server = shared.server();
        root = shared.musicRoot();
    }

    /** A new folder inside the server's library root. */
    private static Path musicFolder() throws Exception {
        return Files.createTempDirectory(root, "scan-it-");
    }

    private static HttpAnswer startScan(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/scans")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request);
    }

    private static HttpAnswer scan(String id) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/v1/scans/" + id)).header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN).GET());
    }

    @Test
    void aFolderIsImportedAndAnalysedAndARescanSkipsItAll() throws Exception {
        Path music = musicFolder();
        Files.write(music.resolve("01 - Metronome - Steady.wav"), AudioPipelineIT.clickTrack(128, 6));
        Files.createDirectories(music.resolve("sub"));
        Files.write(music.resolve("sub").resolve("Faster.wav"), AudioPipelineIT.clickTrack(150, 6));
        Files.writeString(music.resolve("notes.txt"), "not audio");

        HttpAnswer accepted = startScan("{\"folder\": \"" + music + "\"}", AudoticsServer.ADMIN_TOKEN);
        assertEquals(202, accepted.status(), accepted.toString());
        String id = accepted.json().get("id").asText();
        assertTrue(accepted.header("Location").endsWith("/v1/scans/" + id));
        HttpAnswer done = awaitFinished(id);
        assertEquals("done", done.json().get("state").asText(), done.toString());
        assertEquals(2, done.json().get("files").get("found").asInt());
        assertEquals(2, done.json().get("files").get("imported").asInt());
        assertEquals(2, done.json().get("analyses").get("done").asInt(), done.toString());
        assertEquals(1.0, done.json().get("progress").asDouble());

        HttpAnswer rescan = awaitFinished(startScan("{\"folder\": \"" + music + "\"}", AudoticsServer.ADMIN_TOKEN).json().get("id").asText());
        assertEquals(2, rescan.json().get("files").get("unchanged").asInt(), rescan.toString());
        assertEquals(0, rescan.json().get("files").get("imported").asInt());
    }

    private static HttpAnswer awaitFinished(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpAnswer answer;
        do {
            Thread.sleep(200);
            answer = scan(id);
            assertEquals(200, answer.status(), answer.toString());
        } while (!answer.json().get("finished").asBoolean() && System.nanoTime() < deadline);
        assertTrue(answer.json().get("finished").asBoolean(), "scan not finished in 90 s: " + answer);
        return answer;
    }

    @Test
    void badScanRequestsGetTheDocumentedErrors() throws Exception {
        Path music = musicFolder();
        assertEquals(401, startScan("{\"folder\": \"" + music + "\"}", null).status());
        HttpAnswer missing = startScan("{}", AudoticsServer.ADMIN_TOKEN);
        assertEquals(400, missing.status(), missing.toString());
        assertEquals(400, startScan("{\"folder\": \"relative/music\"}", AudoticsServer.ADMIN_TOKEN).status());
        HttpAnswer nowhere = startScan("{\"folder\": \"" + music.resolve("missing") + "\"}", AudoticsServer.ADMIN_TOKEN);
        assertEquals(422, nowhere.status(), nowhere.toString());
        assertEquals("folder_not_scannable", nowhere.errorCode());
        Path file = Files.writeString(music.resolve("a.wav"), "x");
        assertEquals(422, startScan("{\"folder\": \"" + file + "\"}", AudoticsServer.ADMIN_TOKEN).status());
        assertEquals(400, startScan("{\"folder\": ", AudoticsServer.ADMIN_TOKEN).status(), "malformed JSON");
        assertEquals(404, scan("00000000-0000-0000-0000-000000000000").status());
        assertEquals(400, scan("not-a-scan").status());
    }

    @Test
    void everyPathOutsideTheLibraryRootsGetsTheSameAnswer(@TempDir Path outside) throws Exception {
        Path music = musicFolder();
        Files.write(outside.resolve("secret.wav"), AudioPipelineIT.clickTrack(128, 6));
        Path linkOut = Files.createSymbolicLink(music.resolve("etc"), Path.of("/etc"));
        Path linkToOutside = Files.createSymbolicLink(music.resolve("elsewhere"), outside);
        Path file = Files.write(music.resolve("a.wav"), AudioPipelineIT.clickTrack(128, 6));
        List<String> refused = List.of("/etc/shadow", "/nonexistent", "/proc/self", "/", "/etc", "/root", outside.toString(),
                music.resolve("missing").toString(), file.toString(), linkOut.toString(), linkToOutside.toString(), music + "/../../etc");
        String expected = null;
        for (String path : refused) {
            HttpAnswer answer = startScan("{\"folder\": \"" + path + "\"}", AudoticsServer.ADMIN_TOKEN);
            assertEquals(422, answer.status(), path + ": " + answer);
            assertEquals("folder_not_scannable", answer.errorCode(), path + ": " + answer);
            String message = answer.errorMessage().replace("'" + path + "'", "'PATH'");
            if (expected == null) {
                expected = message;
            }
            assertEquals(expected, message, "the answer for " + path);
        }
    }

    @Test
    void linksLeadingOutOfTheRootAreNotFollowed(@TempDir Path outside) throws Exception {
        Path music = musicFolder();
        Files.write(music.resolve("Inside.wav"), AudioPipelineIT.clickTrack(140, 6));
        Files.write(outside.resolve("Outside.wav"), AudioPipelineIT.clickTrack(100, 6));
        Files.createSymbolicLink(music.resolve("elsewhere"), outside);
        Files.createSymbolicLink(music.resolve("Linked.wav"), outside.resolve("Outside.wav"));
        Files.createSymbolicLink(music.resolve("loop"), music);

        HttpAnswer done = awaitFinished(startScan("{\"folder\": \"" + music + "\"}", AudoticsServer.ADMIN_TOKEN).json().get("id").asText());
        assertEquals("done", done.json().get("state").asText(), done.toString());
        assertEquals(1, done.json().get("files").get("found").asInt(), done.toString());
        assertEquals(1, done.json().get("analyses").get("done").asInt(), done.toString());
    }
}
