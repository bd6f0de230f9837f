package org.audotics.dsp.api;

import java.util.Objects;
import org.audotics.catalog.api.AudioFeatures;

/**
 * @param features        the computed features
 * @param durationMs      length of the decoded audio in milliseconds
 * @param analyzerVersion version of the analysis method, so results of different versions can be told apart
 */
public record AnalysisResult(AudioFeatures features, long durationMs, String analyzerVersion) {

    public AnalysisResult {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(analyzerVersion, "analyzerVersion");
    }
}
