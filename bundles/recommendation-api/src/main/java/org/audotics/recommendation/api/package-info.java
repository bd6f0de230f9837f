/**
 * Recommendations: the {@link org.audotics.recommendation.api.Recommender} SPI that engines implement
 * (and that can be replaced in a running server), the request model with Spotify's tunable attributes,
 * and the {@link org.audotics.recommendation.api.RecommendationService} that serves them.
 *
 * <p>1.1: {@link org.audotics.recommendation.api.EngineNotReadyException}, which an engine throws instead of
 * blocking while it cannot answer yet; {@link org.audotics.recommendation.api.InvalidRecommendationRequestException},
 * which the request records throw for a bad value (still an {@code IllegalArgumentException});
 * {@code RecommendationService.MAX_LIMIT} and {@code DEFAULT_LIMIT}.
 *
 * <p>1.2: who is asking and what to leave out, added compatibly so that engines built against 1.0 or 1.1 run
 * unchanged: {@link org.audotics.recommendation.api.RecommendationRequest#context()} (a
 * {@link org.audotics.recommendation.api.RecommendationContext}: the {@link org.audotics.recommendation.api.Caller},
 * {@link org.audotics.recommendation.api.Exclusions} with the listener's bans, {@code maxPerArtist},
 * {@code exploration}, {@link org.audotics.recommendation.api.AlreadyHeard}, the listener's taste, whether to
 * explain); an {@link org.audotics.recommendation.api.Explanation} on
 * {@link org.audotics.recommendation.api.ScoredTrack} and {@link org.audotics.recommendation.api.Recommendation}
 * (their 1.0 constructors kept); {@link org.audotics.recommendation.api.GroupRecommendations} with
 * {@link org.audotics.recommendation.api.GroupStrategy}. The recommendation service enforces exclusions, bans,
 * the artist cap and the bounds on every engine's answer, whatever version the engine was built against.
 *
 * <p>1.3: {@link org.audotics.recommendation.api.SimilarityRecommender}, an optional capability an engine may
 * implement for the tracks most like one track, and {@code RecommendationService.similar}, which answers from it
 * (or, for an engine without it, from a one-seed recommendation) under the same guarantees as a recommendation.
 *
 * <p>1.4: {@link org.audotics.recommendation.api.TrainableRecommender}, an optional capability an engine registers
 * beside its {@code Recommender} to report its {@link org.audotics.recommendation.api.ModelInfo} (version, trained_at,
 * sizes, {@link org.audotics.recommendation.api.ModelMetrics}) and run {@link org.audotics.recommendation.api.TrainingJob}s;
 * {@link org.audotics.recommendation.api.TrainingRunningException}.
 *
 * <p>1.5: {@link org.audotics.recommendation.api.ScoredTrack#source()} and
 * {@link org.audotics.recommendation.api.Recommendation#source()}, which name who produced a track when an engine passes
 * part of a request to another engine or a fallback of its own, and
 * {@link org.audotics.recommendation.api.Recommendations#producers()}/{@code fallbacks()}, which count them (the
 * {@code Audotics-Engine-Fallback} header); the older constructors are kept.
 *
 * <p>1.6: the same for groups: {@link org.audotics.recommendation.api.GroupRecommendation#source()} and
 * {@link org.audotics.recommendation.api.GroupAnswer#producers()}/{@code fallbacks()}; the older constructor is kept.
 */
@Export
@Version("1.6.0")
package org.audotics.recommendation.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
