package org.audotics.dsp.internal.signal;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Cuts the mono mix of a stream into Hann-windowed frames of {@code size} samples every {@code hop}
 * samples and hands each frame's magnitude spectrum (bins 0..size/2) to a listener. Holds one frame of
 * audio, never the whole signal.
 */
final class SpectralFrames {

    /** Receives the magnitude spectrum of each frame; the array is reused for the next frame. */
    interface Listener {
        void frame(double[] magnitudes);
    }

    private final int size;
    private final int hop;
    private final Listener listener;
    private final DoubleFFT_1D fft;
    private final double[] window;
    private final double[] samples;
    private final double[] work;
    private final double[] magnitudes;
    private int filled;

    SpectralFrames(int size, int hop, Listener listener) {
        this.size = size;
        this.hop = hop;
        this.listener = listener;
        this.fft = new DoubleFFT_1D(size);
        this.window = new double[size];
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
        }
        this.samples = new double[size];
        this.work = new double[size];
        this.magnitudes = new double[size / 2 + 1];
    }

    /** The power of two nearest above {@code seconds} of audio at this rate. */
    static int sizeFor(double sampleRate, double seconds) {
        return Integer.highestOneBit((int) Math.ceil(sampleRate * seconds) - 1) << 1;
    }

    void accept(float[][] block, int frames) {
        int channels = block.length;
        for (int i = 0; i < frames; i++) {
            double mono = 0;
            for (float[] channel : block) {
                mono += channel[i];
            }
            samples[filled++] = mono / channels;
            if (filled == size) {
                emit();
                System.arraycopy(samples, hop, samples, 0, size - hop);
                filled = size - hop;
            }
        }
    }

    private void emit() {
        for (int i = 0; i < size; i++) {
            work[i] = samples[i] * window[i];
        }
        fft.realForward(work); // packed: work[2k] = Re k, work[2k+1] = Im k; work[1] = Re size/2
        magnitudes[0] = Math.abs(work[0]);
        magnitudes[size / 2] = Math.abs(work[1]);
        for (int k = 1; k < size / 2; k++) {
            magnitudes[k] = Math.hypot(work[2 * k], work[2 * k + 1]);
        }
        listener.frame(magnitudes);
    }
}
