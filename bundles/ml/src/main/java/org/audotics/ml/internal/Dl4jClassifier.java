package org.audotics.ml.internal;

import java.io.IOException;
import java.io.OutputStream;
import org.audotics.ml.api.Classifier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained network with its input standardisation. DL4J networks keep per-call state, so calls are
 * serialised; one inference over a few dozen inputs takes microseconds next to the seconds of signal
 * analysis that produce them.
 */
final class Dl4jClassifier implements Classifier {

    private final MultiLayerNetwork network;
    private final NormalizerStandardize standardisation;
    private final int inputs;
    private final int classes;

    Dl4jClassifier(MultiLayerNetwork network, NormalizerStandardize standardisation, int inputs, int classes) {
        this.network = network;
        this.standardisation = standardisation;
        this.inputs = inputs;
        this.classes = classes;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public float[] probabilities(float[] features) {
        if (features.length != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " features, got " + features.length);
        }
        for (float value : features) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("features must be finite numbers");
            }
        }
        return Dl4jModelRuntime.withBundleLoader(() -> {
            synchronized (this) {
                INDArray row = Nd4j.create(new float[][] {features});
                standardisation.transform(row);
                return network.output(row, false).toFloatVector();
            }
        });
    }

    @Override
    public void save(OutputStream out) throws IOException {
        // through a file: DL4J's stream variant with a normaliser fails on a stream it closed itself
        java.nio.file.Path file = java.nio.file.Files.createTempFile("audotics-model", ".zip");
        try {
            synchronized (this) {
                ModelSerializer.writeModel(network, file.toFile(), false);
            }
            ModelSerializer.addNormalizerToModel(file.toFile(), standardisation);
            java.nio.file.Files.copy(file, out);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
