package org.audotics.ml.api;

/**
 * How to train.
 *
 * @param hiddenLayers units in each hidden layer (ReLU), e.g. {@code {32, 16}}; empty for logistic regression
 * @param epochs       passes over the data, at least 1
 * @param learningRate Adam's step size, e.g. 1e-3
 * @param l2           weight decay, e.g. 1e-4
 * @param seed         for weight initialisation and shuffling
 */
public record TrainingOptions(int[] hiddenLayers, int epochs, double learningRate, double l2, long seed) {

    public TrainingOptions {
        hiddenLayers = hiddenLayers.clone();
        for (int units : hiddenLayers) {
            if (units < 1) {
                throw new IllegalArgumentException("a hidden layer needs at least one unit");
            }
        }
        if (epochs < 1 || !(learningRate > 0) || l2 < 0) {
            throw new IllegalArgumentException("epochs >= 1, learningRate > 0 and l2 >= 0 are required");
        }
    }

    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }
}
