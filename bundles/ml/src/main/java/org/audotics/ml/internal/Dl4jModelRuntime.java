package org.audotics.ml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;
import org.audotics.ml.api.Classifier;
import org.audotics.ml.api.ModelRuntime;
import org.audotics.ml.api.TrainingOptions;
import org.audotics.ml.api.TrainingSet;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.osgi.service.component.annotations.Component;

/**
 * Deeplearning4j behind the {@link ModelRuntime} facade: multilayer perceptrons (ReLU hidden layers,
 * softmax output, cross-entropy, Adam) over standardised inputs, saved with their standardisation in
 * DL4J's own model format.
 *
 * <p>ND4J finds its backend and native libraries through the thread context class loader, which in
 * OSGi is not this bundle's: every call into DL4J runs with it set to this bundle's loader.
 */
@Component(service = ModelRuntime.class)
public final class Dl4jModelRuntime implements ModelRuntime {

    private static final int BATCH = 64;

    @Override
    public Classifier train(TrainingSet data, TrainingOptions options) {
        return withBundleLoader(() -> {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
            int inputs = data.features()[0].length;
            INDArray features = Nd4j.create(data.features());
            INDArray labels = Nd4j.zeros(DataType.FLOAT, data.labels().length, data.classes());
            for (int i = 0; i < data.labels().length; i++) {
                labels.putScalar(i, data.labels()[i], 1f);
            }
            DataSet all = new DataSet(features, labels);
            NormalizerStandardize standardisation = new NormalizerStandardize();
            standardisation.fit(all);
            standardisation.transform(all);

            NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                    .seed(options.seed())
                    .updater(new Adam(options.learningRate()))
                    .l2(options.l2())
                    .weightInit(WeightInit.XAVIER)
                    .list();
            int previous = inputs;
            for (int units : options.hiddenLayers()) {
                layers.layer(new DenseLayer.Builder().nIn(previous).nOut(units).activation(Activation.RELU).build());
                previous = units;
            }
            layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(previous).nOut(data.classes())
                    .activation(Activation.SOFTMAX).build());
            MultiLayerConfiguration configuration = layers.build();
            MultiLayerNetwork network = new MultiLayerNetwork(configuration);
            network.init();
            List<DataSet> examples = all.asList();
            java.util.Random shuffle = new java.util.Random(options.seed());
            for (int epoch = 0; epoch < options.epochs(); epoch++) {
                java.util.Collections.shuffle(examples, shuffle);
                network.fit(new ListDataSetIterator<>(examples, BATCH));
            }
            return new Dl4jClassifier(network, standardisation, inputs, data.classes());
        });
    }

    @Override
    public Classifier load(InputStream saved) throws IOException {
        try {
            return withBundleLoader(() -> {
                try {
                    Pair<MultiLayerNetwork, Normalizer> restored = ModelSerializer.restoreMultiLayerNetworkAndNormalizer(saved, false);
                    MultiLayerNetwork network = restored.getFirst();
                    if (!(restored.getSecond() instanceof NormalizerStandardize standardisation)) {
                        throw new IllegalStateException("the model has no input standardisation");
                    }
                    int inputs = (int) network.layerInputSize(0);
                    int classes = (int) network.layerSize(network.getnLayers() - 1);
                    return new Dl4jClassifier(network, standardisation, inputs, classes);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException("not a model of this runtime: " + e.getMessage(), e);
        }
    }

    static <T> T withBundleLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Dl4jModelRuntime.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
