package org.audotics.ml.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.audotics.ml.api.Classifier;
import org.audotics.ml.api.TrainingOptions;
import org.audotics.ml.api.TrainingSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real DL4J training on a problem no linear model solves: points inside or outside a circle. */
class Dl4jModelRuntimeTest {

    private static final Dl4jModelRuntime RUNTIME = new Dl4jModelRuntime();
    private static Classifier circle;

    @BeforeAll
    static void train() {
        circle = RUNTIME.train(circleSet(800, 1), new TrainingOptions(new int[] {16, 8}, 60, 0.01, 1e-4, 42));
    }

    /** Points in [-1,1]², class 1 inside the circle of radius 0.6; a third, useless feature with a large scale. */
    private static TrainingSet circleSet(int n, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            float a = random.nextFloat() * 2 - 1;
            float b = random.nextFloat() * 2 - 1;
            x[i] = new float[] {a, b, 1000 + 500 * random.nextFloat()};
            y[i] = a * a + b * b < 0.36 ? 1 : 0;
        }
        return new TrainingSet(x, y, 2);
    }

    @Test
    void learnsANonLinearBoundary() {
        TrainingSet test = circleSet(500, 2);
        int correct = 0;
        for (int i = 0; i < test.labels().length; i++) {
            float[] p = circle.probabilities(test.features()[i]);
            assertEquals(1.0, p[0] + p[1], 1e-4);
            correct += (p[1] > 0.5 ? 1 : 0) == test.labels()[i] ? 1 : 0;
        }
        double accuracy = correct / (double) test.labels().length;
        assertTrue(accuracy > 0.93, "held-out accuracy " + accuracy);
        assertEquals(3, circle.inputs());
        assertEquals(2, circle.classes());
    }

    @Test
    void savedModelsAnswerTheSame() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        circle.save(out);
        Classifier loaded = RUNTIME.load(new ByteArrayInputStream(out.toByteArray()));
        float[] point = {0.1f, -0.2f, 1200};
        assertArrayEquals(circle.probabilities(point), loaded.probabilities(point), 1e-6f);
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> circle.probabilities(new float[2]));
        assertThrows(IllegalArgumentException.class, () -> circle.probabilities(new float[] {0, Float.NaN, 0}));
        assertThrows(IOException.class, () -> RUNTIME.load(new ByteArrayInputStream("not a model".getBytes())));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSet(new float[][] {{1}, {1, 2}}, new int[] {0, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> new TrainingSet(new float[][] {{1}}, new int[] {2}, 2));
        assertThrows(IllegalArgumentException.class, () -> new TrainingOptions(new int[] {0}, 1, 0.1, 0, 1));
    }
}
