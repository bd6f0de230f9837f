package org.audotics.recommender.hybrid.internal.model;

/**
 * Hyper-parameters of {@link ImplicitAls}, in the formulation of Rendle et al. 2021 ("Revisiting the performance
 * of iALS on item recommendation benchmarks").
 *
 * @param factors            dimensions k, at least 1
 * @param regularization     λ, at least 0; a row's penalty is {@code λ · (n + α0 · N)^ν} (n its interactions,
 *                           N the other side's size)
 * @param unobservedWeight   α0, the weight of every (user, item) cell pulled towards 0, at least 0
 * @param frequencyExponent  ν in [0, 1]: 0 is the classic constant λ, 1 scales it with the row's frequency
 * @param epochs             alternations (users, then items), at least 1
 * @param cgSteps            conjugate-gradient steps per row and half-epoch (warm-started from the last value),
 *                           at least 1
 * @param initStd            standard deviation of the initial factors times √k
 * @param seed               initial factors' seed
 */
public record AlsParameters(int factors, double regularization, double unobservedWeight, double frequencyExponent,
                            int epochs, int cgSteps, double initStd, long seed) {

    public AlsParameters {
        if (factors < 1 || !(regularization >= 0) || !(unobservedWeight >= 0) || !(frequencyExponent >= 0)
                || frequencyExponent > 1 || epochs < 1 || cgSteps < 1 || !(initStd > 0)) {
            throw new IllegalArgumentException("bad ALS parameters: " + factors + " factors, λ " + regularization + ", α0 "
                    + unobservedWeight + ", ν " + frequencyExponent + ", " + epochs + " epochs, " + cgSteps + " CG steps");
        }
    }

    public AlsParameters withFactors(int k) {
        return new AlsParameters(k, regularization, unobservedWeight, frequencyExponent, epochs, cgSteps, initStd, seed);
    }

    public AlsParameters withRegularization(double l) {
        return new AlsParameters(factors, l, unobservedWeight, frequencyExponent, epochs, cgSteps, initStd, seed);
    }

    public AlsParameters withUnobservedWeight(double a0) {
        return new AlsParameters(factors, regularization, a0, frequencyExponent, epochs, cgSteps, initStd, seed);
    }

    public AlsParameters withEpochs(int e) {
        return new AlsParameters(factors, regularization, unobservedWeight, frequencyExponent, e, cgSteps, initStd, seed);
    }

    @Override
    public String toString() {
        return "k=" + factors + " λ=" + regularization + " α0=" + unobservedWeight + " ν=" + frequencyExponent + " epochs="
                + epochs + " cg=" + cgSteps;
    }
}
