package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A crash in the middle of an analysis loses no job: after a restart the job runs again and finishes. */
class RestartIT {

    @Test
    void anAnalysisInterruptedByACrashFinishesAfterTheRestart() throws Exception {
        try (AudoticsServer server = AudoticsServer.start("restart", Map.of("org.audotics.dsp", "worker.threads = 1\n"), true)) {
            String track = server.importLines("{\"external_id\":\"restart-1\",\"name\":\"Long\",\"artists\":[{\"name\":\"R\"}],\"duration_ms\":1000}")
                    .json().get("tracks").get(0).get("id").asText();
            byte[] longAudio = AudioPipelineIT.clickTrack(120, 40 * 60); // 40 minutes: several seconds of analysis
            HttpAnswer accepted = server.send(HttpRequest.newBuilder(server.uri("/v1/tracks/" + track + "/audio"))
                    .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(longAudio)));
            assertEquals(202, accepted.status(), accepted.toString());
            String job = "/v1/analysis-jobs/" + accepted.json().get("id").asText();

            awaitState(server, job, "running", Duration.ofSeconds(30));
            server.crash();
            server.restart();

            HttpAnswer finished = awaitState(server, job, "done", Duration.ofSeconds(120));
            assertEquals(1.0, finished.json().get("progress").asDouble());
            assertEquals(120, server.get("/v1/audio-analysis/" + track).json().get("track").get("tempo").asDouble(), 120 * 0.02);
        }
    }

    private static HttpAnswer awaitState(AudoticsServer server, String job, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpAnswer answer = null;
        while (System.nanoTime() < deadline) {
            answer = server.get(job);
            if (answer.status() == 200 && state.equals(answer.json().get("state").asText())) {
                return answer;
            }
            if (answer.status() == 200 && "failed".equals(answer.json().get("state").asText())) {
                throw new AssertionError("job failed: " + answer);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not reach " + state + " within " + timeout + ": " + answer);
    }
}
