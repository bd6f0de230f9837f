/**
 * Recommendations: the {@link org.audotics.recommendation.api.Recommender} SPI that engines implement
 * (and that can be replaced in a running server), the request model with Spotify's tunable attributes,
 * and the {@link org.audotics.recommendation.api.RecommendationService} that serves them.
 *
 * <p>1.1: {@link org.audotics.recommendation.api.EngineNotReadyException}, which an engine throws instead of
 * blocking while it cannot answer yet; {@link org.audotics.recommendation.api.InvalidRecommendationRequestException},
 * which the request records throw for a bad value (still an {@code IllegalArgumentException});
 * {@code RecommendationService.MAX_LIMIT} and {@code DEFAULT_LIMIT}.
 */
@Export
@Version("1.1.0")
package org.audotics.recommendation.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
