package org.audotics.recommendation.internal.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.RestResource;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.ModelInfo;
import org.audotics.recommendation.api.ModelMetrics;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommender;
import org.audotics.recommendation.api.TrainableRecommender;
import org.audotics.recommendation.api.TrainingJob;
import org.audotics.recommendation.api.TrainingRunningException;
import org.audotics.recommendation.internal.AnswerProducers;
import org.audotics.recommendation.internal.discovery.DiscoveryPlaylists;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code GET /v1/recommender}: the engine answering recommendations now and, when it is a
 * {@link TrainableRecommender}, the model it serves. {@code POST /v1/recommender/training} (admin) starts a training
 * job of that engine, {@code GET /v1/recommender/training/{id}} (admin) shows one (docs/api.md).
 */
@RestResource
@Component(service = RecommenderResource.class)
@Path("recommender")
@Produces(MediaType.APPLICATION_JSON)
public final class RecommenderResource {

    private final RecommendationService recommendations;
    private final Map<String, TrainableRecommender> trainable = new ConcurrentHashMap<>();

    /** Who produced the tracks this node answered ({@code produced_tracks}); optional. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    volatile AnswerProducers producers;

    @Activate
    public RecommenderResource(@Reference RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTrainable(TrainableRecommender engine, Map<String, Object> properties) {
        if (properties.get(Recommender.NAME) instanceof String name) {
            trainable.put(name, engine);
        }
    }

    void unbindTrainable(TrainableRecommender engine, Map<String, Object> properties) {
        if (properties.get(Recommender.NAME) instanceof String name) {
            trainable.remove(name, engine);
        }
    }

    @GET
    public RecommenderObject activeEngine() {
        EngineInfo engine = recommendations.activeEngine(); // no engine: 503 from RecommendationExceptionMappers
        TrainableRecommender model = trainable.get(engine.name());
        AnswerProducers counts = producers;
        return new RecommenderObject(engine.name(), engine.description(), engine.bundle(), engine.bundleVersion(), engine.ranking(),
                model != null, model == null ? null : model.modelInfo().map(ModelObject::of).orElse(null),
                counts == null ? Map.of() : counts.of(engine.name()));
    }

    @POST
    @Path("training")
    @RolesAllowed(Roles.ADMIN)
    public Response startTraining(@Context UriInfo uri) {
        EngineInfo engine = recommendations.activeEngine();
        TrainableRecommender model = trainable.get(engine.name());
        if (model == null) {
            throw ApiException.unprocessable("not_trainable", "the active engine '" + engine.name() + "' has no model to train");
        }
        TrainingJob job;
        try {
            job = model.startTraining();
        } catch (TrainingRunningException running) {
            throw new ApiException(409, ErrorCodes.CONFLICT, running.getMessage() + "; wait for it to finish");
        }
        URI location = uri.getBaseUriBuilder().path("recommender/training").path(job.id()).build();
        return Response.accepted(JobObject.of(job, uri.getBaseUri())).location(location).build();
    }

    /** Discovery playlists (optional: they need the history, the library and the database). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    volatile DiscoveryPlaylists discovery;

    /**
     * {@code POST /v1/recommender/discovery} (admin): a run over every listener with history now, on this node's
     * discovery thread (202, {@code Location: /v1/recommender/discovery}); 409 while one runs on this node. Every
     * listener's playlist is rewritten; the run counts as the current period's, so the schedule skips it.
     */
    @POST
    @Path("discovery")
    @RolesAllowed(Roles.ADMIN)
    public Response startDiscovery(@Context UriInfo uri) {
        DiscoveryPlaylists playlists = DiscoveryResource.running(discovery);
        if (!playlists.startRun()) {
            throw new ApiException(409, ErrorCodes.CONFLICT, "a discovery run is running on this node; GET /v1/recommender/discovery shows it");
        }
        return Response.accepted(DiscoveryRunObject.of(playlists.lastRun().orElseThrow()))
                .location(uri.getBaseUriBuilder().path("recommender/discovery").build()).build();
    }

    /** {@code GET /v1/recommender/discovery} (admin): the last or running whole run on this node; 404 before any. */
    @GET
    @Path("discovery")
    @RolesAllowed(Roles.ADMIN)
    public DiscoveryRunObject discoveryRun() {
        return DiscoveryResource.running(discovery).lastRun().map(DiscoveryRunObject::of)
                .orElseThrow(() -> ApiException.notFound("no discovery run on this node since it started"));
    }

    public record DiscoveryRunObject(String state, String trigger, @JsonProperty("started_at") String startedAt,
                                     @JsonProperty("finished_at") String finishedAt, Integer listeners, Integer written, Integer skipped,
                                     @JsonProperty("no_history") Integer noHistory, @JsonProperty("nothing_new") Integer nothingNew,
                                     Integer failed, String error) {

        static DiscoveryRunObject of(DiscoveryPlaylists.RunState run) {
            var s = run.summary();
            return new DiscoveryRunObject(run.state(), run.trigger(), run.startedAt().toString(),
                    run.finishedAt() == null ? null : run.finishedAt().toString(), s == null ? null : s.listeners(),
                    s == null ? null : s.written(), s == null ? null : s.skipped(), s == null ? null : s.noHistory(),
                    s == null ? null : s.nothingNew(), s == null ? null : s.failed(), run.error());
        }
    }

    /** A job of any trainable engine (the active one may have changed since it started). */
    @GET
    @Path("training/{id}")
    @RolesAllowed(Roles.ADMIN)
    public JobObject job(@PathParam("id") String id, @Context UriInfo uri) {
        for (TrainableRecommender engine : trainable.values()) {
            Optional<TrainingJob> job = engine.trainingJob(id);
            if (job.isPresent()) {
                return JobObject.of(job.get(), uri.getBaseUri());
            }
        }
        throw ApiException.notFound("no training job " + id);
    }

    /**
     * The engine as answered; {@code model} is null for an engine without one (or before its first);
     * {@code produced_tracks}: how many of the tracks this node answered since it started the engine's own ranking
     * produced (under the engine's name) and each fallback it passed requests to (another engine, a part of its own).
     */
    public record RecommenderObject(String name, String description, String bundle, @JsonProperty("bundle_version") String bundleVersion,
                                    int ranking, boolean trainable, ModelObject model,
                                    @JsonProperty("produced_tracks") Map<String, Long> producedTracks) {
    }

    public record ModelObject(String engine, long version, @JsonProperty("trained_at") String trainedAt, String source,
                              @JsonProperty("data_size") DataSize dataSize, MetricsObject metrics) {

        static ModelObject of(ModelInfo m) {
            return new ModelObject(m.engine(), m.version(), m.trainedAt().toString(), m.source(),
                    new DataSize(m.users(), m.tracks(), m.interactions()), m.metrics() == null ? null : MetricsObject.of(m.metrics()));
        }
    }

    public record DataSize(long users, long tracks, long interactions) {
    }

    public record MetricsObject(@JsonProperty("ndcg_at_10") double ndcgAt10, @JsonProperty("recall_at_20") double recallAt20,
                                @JsonProperty("coverage_at_10") double coverageAt10, @JsonProperty("evaluated_users") int evaluatedUsers,
                                String holdout) {

        static MetricsObject of(ModelMetrics m) {
            return new MetricsObject(m.ndcgAt10(), m.recallAt20(), m.coverageAt10(), m.evaluatedUsers(), "per-user random share of the training data");
        }
    }

    public record JobObject(String id, String href, String engine, String trigger, String state, String phase, double progress,
                            @JsonProperty("created_at") String createdAt, @JsonProperty("started_at") String startedAt,
                            @JsonProperty("finished_at") String finishedAt, @JsonProperty("model_version") Long modelVersion, String error) {

        static JobObject of(TrainingJob job, URI base) {
            return new JobObject(job.id(), base.resolve("recommender/training/" + job.id()).toString(), job.engine(), job.trigger(),
                    job.state().name().toLowerCase(java.util.Locale.ROOT), job.phase(), job.progress(), job.createdAt().toString(),
                    job.startedAt() == null ? null : job.startedAt().toString(), job.finishedAt() == null ? null : job.finishedAt().toString(),
                    job.modelVersion(), job.error());
        }
    }
}
