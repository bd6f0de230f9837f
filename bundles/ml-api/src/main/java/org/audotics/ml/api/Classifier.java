package org.audotics.ml.api;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ProviderType;

/** A trained classifier. Thread-safe: {@link #probabilities} may be called concurrently. */
@ProviderType
public interface Classifier {

    /** Length of the feature vector it reads. */
    int inputs();

    /** Number of classes it tells apart. */
    int classes();

    /**
     * @param features a vector of {@link #inputs()} values, raw (the model standardises them itself)
     * @return the probability of each class, summing to 1
     * @throws IllegalArgumentException when the vector has the wrong length or holds NaN or infinity
     */
    float[] probabilities(float[] features);

    /** Writes the model and its input standardisation; {@link ModelRuntime#load} reads it back. */
    void save(OutputStream out) throws IOException;
}
