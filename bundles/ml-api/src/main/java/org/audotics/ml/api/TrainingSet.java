package org.audotics.ml.api;

import java.util.Objects;

/**
 * Labelled examples.
 *
 * @param features one row per example, all of the same length
 * @param labels   the class of each example, 0..classes-1
 * @param classes  number of classes, at least 2
 */
public record TrainingSet(float[][] features, int[] labels, int classes) {

    public TrainingSet {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException("need one label per example and at least one example, got "
                    + features.length + " examples and " + labels.length + " labels");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        int width = features[0].length;
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != width) {
                throw new IllegalArgumentException("example " + i + " has " + features[i].length + " features, the first has " + width);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i + " is outside 0.." + (classes - 1));
            }
        }
    }
}
