package org.audotics.recommender.hybrid.internal.store;

import org.audotics.recommendation.api.ModelMetrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.audotics.recommender.hybrid.internal.engine.TrainedModel;
import org.audotics.recommender.hybrid.internal.model.HybridModel;
import org.junit.jupiter.api.Test;

class ModelFormatTest {

    private static final ModelMetrics METRICS = new ModelMetrics(0.25, 0.5, 0.125, 17);

    private static byte[] bytes(TrainedModel model, ModelMetrics metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFormat.write(model, new ModelFormat.Facts("hybrid", 42, ModelHeader.TRAINED, metrics), out);
        return out.toByteArray();
    }

    @Test
    void aWrittenModelReadsBackEqualArrayByArray() throws IOException {
        TrainedModel model = Models.random(1, 30, 50, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelHeader written = ModelFormat.write(model, new ModelFormat.Facts("hybrid", 42, ModelHeader.TRAINED, METRICS), out);
        ModelFormat.Decoded read = ModelFormat.read(new ByteArrayInputStream(out.toByteArray()));

        assertEquals(written, read.header());
        assertEquals(42, read.header().version());
        assertEquals(METRICS, read.header().metrics());
        assertEquals(30, read.header().users());
        assertEquals(50, read.header().tracks());
        assertEquals(model.trainedAt(), read.header().trainedAt());
        TrainedModel back = read.model();
        assertEquals(42, back.version());
        assertEquals(model.userIds(), back.userIds());
        assertEquals(model.trackIds(), back.trackIds());
        assertEquals(model.trackIndex(), back.trackIndex());
        assertEquals(model.interactions(), back.interactions());
        HybridModel a = model.model();
        HybridModel b = back.model();
        assertArrayEquals(a.factors().userFactors(), b.factors().userFactors());
        assertArrayEquals(a.factors().itemFactors(), b.factors().itemFactors());
        assertArrayEquals(a.listeners(), b.listeners());
        assertEquals(a.blend(), b.blend());
        assertEquals(a.history().nonZeros(), b.history().nonZeros());
        assertEquals(model.interacted().nonZeros(), back.interacted().nonZeros());
        for (int u = 0; u < 30; u++) {
            float[] x = new float[50];
            float[] y = new float[50];
            a.scoreForUser(u, x, new float[50]);
            b.scoreForUser(u, y, new float[50]);
            assertArrayEquals(x, y, "user " + u + " scores every track the same after the round trip");
        }
        assertEquals(ModelFormat.readHeader(new ByteArrayInputStream(out.toByteArray())), written);
    }

    @Test
    void aModelWithoutMetricsSaysSo() throws IOException {
        ModelFormat.Decoded read = ModelFormat.read(new ByteArrayInputStream(bytes(Models.random(2, 3, 4, 2), null)));
        assertNull(read.header().metrics());
    }

    @Test
    void aTruncatedModelIsRefusedAtEveryCut() throws IOException {
        byte[] whole = bytes(Models.random(3, 10, 20, 3), METRICS);
        for (int cut : new int[] {0, 5, 12, 40, whole.length / 2, whole.length - 1}) {
            ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> ModelFormat.read(new ByteArrayInputStream(Arrays.copyOf(whole, cut))), "cut at " + cut);
            assertTrue(e.getMessage().startsWith("truncated") || e.getMessage().startsWith("not an Audotics model") && cut < 8,
                    "cut at " + cut + ": " + e.getMessage());
        }
    }

    @Test
    void aFlippedByteInTheArraysFailsTheChecksum() throws IOException {
        byte[] bytes = bytes(Models.random(4, 10, 20, 3), METRICS);
        bytes[bytes.length - 100] ^= 0x01;   // inside the listener counts or the interacted values: still parses
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFormat.read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void aChangedHeaderFieldFailsTheChecksumToo() throws IOException {
        byte[] bytes = bytes(Models.random(5, 10, 20, 3), METRICS);
        int versionAt = 8 + 4 + 2 + "hybrid".length();
        bytes[versionAt + 7] = 43;   // model version 42 → 43
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFormat.read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void bytesAfterTheModelAreRefused() throws IOException {
        byte[] whole = bytes(Models.random(6, 5, 5, 2), null);
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFormat.read(new ByteArrayInputStream(longer)));
        assertTrue(e.getMessage().contains("after the payload"), e.getMessage());
    }

    @Test
    void anotherFormatVersionOrNoMagicIsRefusedByName() throws IOException {
        byte[] bytes = bytes(Models.random(7, 5, 5, 2), null);
        ByteBuffer.wrap(bytes).putInt(8, 2);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFormat.read(new ByteArrayInputStream(bytes)));
        assertEquals("model format version 2 is not supported (this engine reads 1)", e.getMessage());
        byte[] text = "{\"id\": 1, \"features\": [0.1]}\n".getBytes();
        e = assertThrows(ModelFormatException.class, () -> ModelFormat.read(new ByteArrayInputStream(text)));
        assertEquals("not an Audotics model (no AUDMODEL magic)", e.getMessage());
    }

    @Test
    void aHugeArrayLengthIsRefusedWithoutAllocatingIt() throws IOException {
        byte[] bytes = bytes(Models.random(8, 5, 5, 2), null);
        // the payload starts with the tag IDSU then the user count: claim two billion users
        int payload = indexOf(bytes, "IDSU".getBytes()) + 4;
        ByteBuffer.wrap(bytes).putInt(payload, Integer.MAX_VALUE);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFormat.read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
