package org.audotics.recommendation.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;
import org.audotics.http.api.ApiException;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.ModelInfo;
import org.audotics.recommendation.api.ModelMetrics;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.TrainableRecommender;
import org.audotics.recommendation.api.TrainingJob;
import org.audotics.recommendation.api.TrainingRunningException;
import org.junit.jupiter.api.Test;

/** The resource over a stub service and engine: what it reports and how it answers a training request. */
class RecommenderResourceTest {

    private static final Instant T = Instant.parse("2026-12-02T15:00:00.123Z");
    private static final TrainingJob JOB = new TrainingJob("job-1", "hybrid", "request", TrainingJob.State.QUEUED, "queued", 0, T, null, null,
            null, null);

    private static RecommendationService active(String name) {
        return (RecommendationService) Proxy.newProxyInstance(RecommenderResourceTest.class.getClassLoader(),
                new Class<?>[] {RecommendationService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("activeEngine")) {
                        return new EngineInfo(name, "d", "org.example", "1.0.0", 0);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class Engine implements TrainableRecommender {
        RuntimeException refusal;
        ModelInfo model;

        @Override
        public Optional<ModelInfo> modelInfo() {
            return Optional.ofNullable(model);
        }

        @Override
        public TrainingJob startTraining() {
            if (refusal != null) {
                throw refusal;
            }
            return JOB;
        }

        @Override
        public Optional<TrainingJob> trainingJob(String id) {
            return id.equals(JOB.id()) ? Optional.of(JOB) : Optional.empty();
        }
    }

    private static RecommenderResource resource(String activeName, Engine engine) {
        RecommenderResource resource = new RecommenderResource(active(activeName));
        resource.bindTrainable(engine, Map.of(Recommender.NAME, "hybrid"));
        return resource;
    }

    private static UriInfo uri() {
        return (UriInfo) Proxy.newProxyInstance(RecommenderResourceTest.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBaseUri" -> URI.create("http://localhost:8181/v1/");
                    case "getBaseUriBuilder" -> UriBuilder.fromUri("http://localhost:8181/v1/");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void reportsTheModelOfTheActiveTrainableEngine() {
        Engine engine = new Engine();
        engine.model = new ModelInfo("hybrid", 7, T, "trained", 3, 4, 5, new ModelMetrics(0.5, 0.25, 0.125, 3));
        RecommenderResource.RecommenderObject answer = resource("hybrid", engine).activeEngine();
        assertTrue(answer.trainable());
        assertEquals(7, answer.model().version());
        assertEquals("2026-12-02T15:00:00.123Z", answer.model().trainedAt());
        assertEquals(new RecommenderResource.DataSize(3, 4, 5), answer.model().dataSize());
        assertEquals(0.5, answer.model().metrics().ndcgAt10());
        assertEquals(0.25, answer.model().metrics().recallAt20());
        assertEquals(0.125, answer.model().metrics().coverageAt10());
    }

    @Test
    void anEngineWithoutAModelReportsNone() {
        Engine engine = new Engine();
        RecommenderResource.RecommenderObject before = resource("hybrid", engine).activeEngine();
        assertTrue(before.trainable());
        assertNull(before.model());
        RecommenderResource.RecommenderObject other = resource("feature-knn", engine).activeEngine();
        assertFalse(other.trainable());
        assertNull(other.model());
        ApiException refused = assertThrows(ApiException.class, () -> resource("feature-knn", engine).startTraining(uri()));
        assertEquals(422, refused.status());
        assertEquals("not_trainable", refused.code());
    }

    @Test
    void aStartedJobIs202WithItsLocationAndARunningOneIs409() {
        Engine engine = new Engine();
        Response started = resource("hybrid", engine).startTraining(uri());
        assertEquals(202, started.getStatus());
        assertEquals(URI.create("http://localhost:8181/v1/recommender/training/job-1"), started.getLocation());
        assertEquals("queued", ((RecommenderResource.JobObject) started.getEntity()).state());
        engine.refusal = new TrainingRunningException("job-0");
        ApiException busy = assertThrows(ApiException.class, () -> resource("hybrid", engine).startTraining(uri()));
        assertEquals(409, busy.status());
        assertEquals("conflict", busy.code());
        assertTrue(busy.getMessage().contains("job-0"), busy.getMessage());
    }

    @Test
    void jobsAreFoundByIdAndAnUnknownOneIs404() {
        RecommenderResource resource = resource("hybrid", new Engine());
        assertEquals("job-1", resource.job("job-1", uri()).id());
        ApiException unknown = assertThrows(ApiException.class, () -> resource.job("nope", uri()));
        assertEquals(404, unknown.status());
    }
}
