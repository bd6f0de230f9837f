package org.audotics.dsp.internal.signal;

import static org.audotics.dsp.internal.signal.Signals.concat;
import static org.audotics.dsp.internal.signal.Signals.dbfs;
import static org.audotics.dsp.internal.signal.Signals.sine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reference cases in the spirit of EBU Tech 3341 (expected values from BS.1770's definition). */
class LoudnessMeterTest {

    private static double measure(float[][] signal, float sampleRate) {
        LoudnessMeter meter = new LoudnessMeter(sampleRate, signal.length);
        int block = 4096;
        for (int start = 0; start < signal[0].length; start += block) {
            int frames = Math.min(block, signal[0].length - start);
            float[][] chunk = new float[signal.length][frames];
            for (int c = 0; c < signal.length; c++) {
                System.arraycopy(signal[c], start, chunk[c], 0, frames);
            }
            meter.accept(chunk, frames);
        }
        return meter.integratedLoudness();
    }

    @ParameterizedTest
    @ValueSource(floats = {44_100, 48_000, 96_000})
    void stereoSineAtMinus23DbfsIsMinus23Lufs(float sampleRate) {
        assertEquals(-23.0, measure(sine(1000, dbfs(-23), 20, sampleRate, 2), sampleRate), 0.1);
    }

    @Test
    void stereoSineAtMinus33DbfsIsMinus33Lufs() {
        assertEquals(-33.0, measure(sine(1000, dbfs(-33), 20, 48_000, 2), 48_000), 0.1);
    }

    @Test
    void monoCountsOneChannel() {
        // one channel carries half the power of two: 3 dB less
        assertEquals(-26.0, measure(sine(1000, dbfs(-23), 20, 48_000, 1), 48_000), 0.1);
    }

    @Test
    void relativeGateIgnoresQuietPassages() {
        float[][] quiet = sine(1000, dbfs(-36), 10, 48_000, 2);
        float[][] loud = sine(1000, dbfs(-23), 60, 48_000, 2);
        assertEquals(-23.0, measure(concat(quiet, loud, quiet), 48_000), 0.1);
    }

    @Test
    void absoluteGateIgnoresSilence() {
        float[][] silence = new float[2][48_000 * 10];
        double withSilence = measure(concat(silence, sine(1000, dbfs(-23), 10, 48_000, 2), silence), 48_000);
        // the silence itself is gated out; the six 400 ms blocks that straddle an edge are partly
        // silent yet pass both gates, as BS.1770 prescribes, and pull the result down by about 0.12 LU
        assertEquals(-23.12, withSilence, 0.05);
    }

    @Test
    void silenceHasNoLoudness() {
        assertEquals(Double.NEGATIVE_INFINITY, measure(new float[2][48_000 * 5], 48_000));
    }

    @Test
    void kWeightingBoostsHighFrequencies() {
        // the pre-filter's shelf rises towards +4 dB (about +3.35 dB at 8 kHz); the RLB filter removes rumble
        double high = measure(sine(8000, dbfs(-23), 10, 48_000, 2), 48_000);
        double low = measure(sine(30, dbfs(-23), 10, 48_000, 2), 48_000);
        assertEquals(-23 + 3.35, high, 0.1);
        assertEquals(true, low < -24.0, "30 Hz is attenuated: " + low);
    }
}
