package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Upload audio, follow its analysis job, read the measured analysis — through the built server. */
@ExtendWith(SharedServer.class)
class AudioPipelineIT {

    private static AudoticsServer server;
    private static String trackId;
    private static String otherTrackId;
    private static String reuploadedTrackId;
    private static String brokenTrackId;

    @BeforeAll
    static void catalog(SharedServer.Running shared) throws Exception {
        server = shared.server();
        HttpAnswer imported = server.importLines(
                "{\"external_id\":\"pipeline-1\",\"name\":\"Clicks\",\"artists\":[{\"name\":\"Metronome\"}],\"duration_ms\":12000,"
                + "\"genres\":[\"metronome-pipeline\"]}\n"
                + "{\"external_id\":\"pipeline-2\",\"name\":\"Other\",\"artists\":[{\"name\":\"Metronome\"}],\"duration_ms\":1000}\n"
                + "{\"external_id\":\"pipeline-3\",\"name\":\"Reuploaded\",\"artists\":[{\"name\":\"Metronome\"}],\"duration_ms\":1000}\n"
                + "{\"external_id\":\"pipeline-4\",\"name\":\"Broken\",\"artists\":[{\"name\":\"Metronome\"}],\"duration_ms\":1000}");
        assertEquals(200, imported.status(), imported.toString());
        trackId = imported.json().get("tracks").get(0).get("id").asText();
        otherTrackId = imported.json().get("tracks").get(1).get("id").asText();
        reuploadedTrackId = imported.json().get("tracks").get(2).get("id").asText();
        brokenTrackId = imported.json().get("tracks").get(3).get("id").asText();
    }

    /** A mono 16-bit WAV: 1.5 kHz clicks at the given tempo. */
    static byte[] clickTrack(double bpm, double seconds) throws Exception {
        float rate = 22_050;
        int frames = (int) (seconds * rate);
        double[] signal = new double[frames];
        for (double start = 0; start < frames; start += 60 / bpm * rate) {
            for (int i = 0; i < 0.02 * rate && start + i < frames; i++) {
                double t = i / rate;
                signal[(int) start + i] += 0.8 * Math.exp(-t * 200) * Math.sin(2 * Math.PI * 1500 * t);
            }
        }
        ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : signal) {
            pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, value)) * 32767));
        }
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), new AudioFormat(rate, 16, 1, true, false), frames),
                AudioFileFormat.Type.WAVE, wav);
        return wav.toByteArray();
    }

    private static HttpAnswer upload(String track, byte[] body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/v1/tracks/" + track + "/audio"))
                .header("Content-Type", "audio/wav").PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request);
    }

    private static HttpAnswer awaitJob(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpAnswer job;
        do {
            job = server.get(location.substring(location.indexOf("/v1/")));
            String state = job.json().get("state").asText();
            if (state.equals("done") || state.equals("failed")) {
                return job;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job not finished in 60 s: " + job);
    }

    @Test
    void uploadedAudioIsAnalysedAndItsTempoServed() throws Exception {
        HttpAnswer accepted = upload(trackId, clickTrack(132, 12), AudoticsServer.ADMIN_TOKEN);
        assertEquals(202, accepted.status(), accepted.toString());
        assertEquals("queued", accepted.json().get("state").asText());
        String location = accepted.header("Location");
        assertNotNull(location);
        HttpAnswer done = awaitJob(location);
        assertEquals("done", done.json().get("state").asText(), done.toString());
        assertEquals(1.0, done.json().get("progress").asDouble());

        HttpAnswer analysis = server.get("/v1/audio-analysis/" + trackId);
        assertEquals(200, analysis.status(), analysis.toString());
        assertEquals(132, analysis.json().get("track").get("tempo").asDouble(), 132 * 0.02);
        assertEquals(12.0, analysis.json().get("track").get("duration").asDouble(), 0.05);
        assertTrue(analysis.json().get("meta").has("analyzer_version"));
        assertTrue(analysis.json().get("meta").get("feature_methods").get("valence").asText().startsWith("heuristic"));
        // energy, danceability, valence and acousticness are served on Spotify's scale; our raw measures stay in the analysis
        assertTrue(analysis.json().get("meta").get("feature_methods").get("energy").asText().contains("Spotify's scale"));
        var raw = analysis.json().get("track").get("raw_features");
        assertNotNull(raw, analysis.json().get("track").toString());
        for (String field : new String[] {"energy", "danceability", "valence", "acousticness"}) {
            double value = raw.get(field).asDouble(-1);
            assertTrue(value >= 0 && value <= 1, "raw " + field + " = " + value);
        }
        int beats = analysis.json().get("beats").size();
        assertEquals(12 * 132 / 60.0, beats, 3, "beats");
        assertEquals(2 * beats, analysis.json().get("tatums").size());
        assertTrue(analysis.json().get("bars").size() >= beats / 4 - 1, "bars");
        assertEquals(0.0, analysis.json().get("sections").get(0).get("start").asDouble());
        var segment = analysis.json().get("segments").get(1);
        assertEquals(12, segment.get("pitches").size());
        assertEquals(12, segment.get("timbre").size());
        assertTrue(segment.has("loudness_max_time"), segment.toString());

        // the features reach the catalog: Spotify's audio-features object with our confidences
        HttpAnswer features = server.get("/v1/audio-features/" + trackId);
        assertEquals(200, features.status(), features.toString());
        assertEquals(132, features.json().get("tempo").asDouble(), 132 * 0.02);
        assertEquals(4, features.json().get("time_signature").asInt());
        for (String field : new String[] {"energy", "danceability", "valence", "acousticness", "instrumentalness", "speechiness", "liveness"}) {
            double value = features.json().get(field).asDouble(-1);
            assertTrue(value >= 0 && value <= 1, field + " = " + value);
        }
        assertEquals(analysis.json().get("meta").get("analyzer_version").asText(), features.json().get("analyzer_version").asText());

        // and the recommender: the features event patches the track into the index, off the request path
        String similar = "/v1/recommendations?seed_genres=metronome-pipeline&min_tempo=130&max_tempo=134&limit=100";
        HttpAnswer recommended = server.get(similar);
        for (int tries = 0; tries < 300 && recommended.status() == 200 && !recommended.response().body().contains(trackId); tries++) {
            Thread.sleep(100);
            recommended = server.get(similar);
        }
        assertEquals(200, recommended.status(), recommended.toString());
        assertTrue(recommended.response().body().contains(trackId), recommended.toString());
    }

    @Test
    void audioTooShortToAnalyseFailsTheJobWithAReason() throws Exception {
        HttpAnswer accepted = upload(otherTrackId, clickTrack(120, 1), AudoticsServer.ADMIN_TOKEN);
        assertEquals(202, accepted.status());
        HttpAnswer failed = awaitJob(accepted.header("Location"));
        assertEquals("failed", failed.json().get("state").asText());
        assertEquals("undecodable_audio", failed.json().get("error").get("code").asText());
    }

    /** Bytes the upload recognises as MP3 (an ID3 header) with no MPEG frames after it: JLayer fails on them with a NullPointerException. */
    private static byte[] notReallyMp3() {
        byte[] bytes = java.util.Arrays.copyOf("ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 4000);
        for (int i = 10; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private static java.util.List<String> storedFiles(String track) throws Exception {
        try (var files = java.nio.file.Files.list(server.home.resolve("data/audotics/audio"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(track + ".")).sorted().toList();
        }
    }

    @Test
    void aReuploadInAnotherFormatReplacesTheTracksOneFileAndARefusedOneKeepsIt() throws Exception {
        byte[] wav = clickTrack(120, 6);
        assertEquals("done", awaitJob(upload(reuploadedTrackId, wav, AudoticsServer.ADMIN_TOKEN).header("Location")).json().get("state").asText());
        assertEquals(1, storedFiles(reuploadedTrackId).size(), storedFiles(reuploadedTrackId).toString());
        HttpAnswer again = upload(reuploadedTrackId, notReallyMp3(), AudoticsServer.ADMIN_TOKEN);
        assertEquals(202, again.status(), again.toString());
        awaitJob(again.header("Location"));
        assertEquals(1, storedFiles(reuploadedTrackId).size(), "one file per track: " + storedFiles(reuploadedTrackId));
        assertEquals(415, upload(reuploadedTrackId, "not audio".getBytes(), AudoticsServer.ADMIN_TOKEN).status());
        assertEquals(1, storedFiles(reuploadedTrackId).size(), "a refused upload keeps the old file");
    }

    @Test
    void aJobThatCannotDecodeItsAudioSaysSoInOurWords() throws Exception {
        HttpAnswer accepted = upload(brokenTrackId, notReallyMp3(), AudoticsServer.ADMIN_TOKEN);
        assertEquals(202, accepted.status(), accepted.toString());
        HttpAnswer failed = awaitJob(accepted.header("Location"));
        assertEquals("failed", failed.json().get("state").asText(), failed.toString());
        assertEquals("undecodable_audio", failed.json().get("error").get("code").asText());
        String message = failed.json().get("error").get("message").asText();
        assertFalse(message.matches("(?s).*(java|Exception|Error\\b|\\bnull\\b|/).*"), "internals in: " + message);
        assertTrue(message.contains("error id"), message);
    }

    @Test
    void badUploadsGetTheDocumentedErrors() throws Exception {
        byte[] wav = clickTrack(120, 3);
        assertEquals(401, upload(trackId, wav, null).status());
        assertEquals(404, upload("nosuchtrack", wav, AudoticsServer.ADMIN_TOKEN).status());
        HttpAnswer notAudio = upload(trackId, "just some text, not audio".getBytes(), AudoticsServer.ADMIN_TOKEN);
        assertEquals(415, notAudio.status());
        assertEquals("unsupported_media_type", notAudio.errorCode());
        HttpAnswer empty = upload(trackId, new byte[0], AudoticsServer.ADMIN_TOKEN);
        assertEquals(400, empty.status());
        HttpAnswer tooLarge = upload(trackId, new byte[(SharedServer.MAX_UPLOAD_MB + 1) * 1024 * 1024], AudoticsServer.ADMIN_TOKEN);
        assertEquals(413, tooLarge.status());
        assertEquals("payload_too_large", tooLarge.errorCode());
    }

    @Test
    void unknownJobsAndMissingAnalysesAre404() throws Exception {
        assertEquals(404, server.get("/v1/analysis-jobs/00000000-0000-0000-0000-000000000000").status());
        assertEquals(400, server.get("/v1/analysis-jobs/not-a-job-id").status());
        assertEquals("not_found", server.get("/v1/audio-analysis/nosuchtrack").errorCode());
    }
}
