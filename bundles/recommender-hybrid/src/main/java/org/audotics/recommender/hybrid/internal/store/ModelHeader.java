package org.audotics.recommender.hybrid.internal.store;

import org.audotics.recommendation.api.ModelMetrics;

import java.time.Instant;
import java.util.Objects;

/**
 * The header of a stored model (format in docs/recommender.md, "Stored models"): what the model is, before its
 * arrays are read.
 *
 * @param formatVersion {@link ModelFormat#FORMAT_VERSION} of the writer
 * @param engine        the engine that serves it, e.g. {@code hybrid}
 * @param version       the model version, 1, 2, ... over the whole cluster
 * @param trainedAt     when its training finished
 * @param users         listeners it knows
 * @param tracks        tracks it knows
 * @param interactions  history events it was trained on
 * @param source        {@link #TRAINED} here or {@link #IMPORTED} factors trained elsewhere (Spark)
 * @param metrics       offline metrics measured at training, or null when none were measured
 * @param payloadBytes  length of the arrays after the header
 * @param sha256        hex SHA-256 over the header fields before it and the payload
 */
public record ModelHeader(int formatVersion, String engine, long version, Instant trainedAt, int users, int tracks, long interactions,
                          String source, ModelMetrics metrics, long payloadBytes, String sha256) {

    public static final String TRAINED = "trained";
    public static final String IMPORTED = "imported";

    public ModelHeader {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(trainedAt, "trainedAt");
        if (!TRAINED.equals(source) && !IMPORTED.equals(source)) {
            throw new IllegalArgumentException("source must be trained or imported");
        }
    }
}
