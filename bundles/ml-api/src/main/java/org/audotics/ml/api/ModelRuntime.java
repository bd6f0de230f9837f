package org.audotics.ml.api;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Trains and loads classifiers: feed-forward networks over a fixed-length feature vector, with the
 * input standardisation learnt from the training data stored inside the model.
 *
 * <p>Provided by the ml bundle; called concurrently. The native math libraries load on the first call,
 * which takes seconds and several hundred MB of memory once per process, so callers load models lazily.
 */
@ProviderType
public interface ModelRuntime {

    /**
     * Trains a classifier (seeded: the same data and options give the same model).
     *
     * @throws IllegalArgumentException when the set is empty, its rows differ in length or a label is out of range
     */
    Classifier train(TrainingSet data, TrainingOptions options);

    /**
     * Loads a classifier saved with {@link Classifier#save}.
     *
     * @throws IOException when the stream cannot be read or holds no model of this runtime
     */
    Classifier load(InputStream saved) throws IOException;
}
