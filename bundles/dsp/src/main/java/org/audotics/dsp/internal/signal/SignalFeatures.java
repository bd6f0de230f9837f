package org.audotics.dsp.internal.signal;

/**
 * What the signal analysis measured in one pass over a file.
 *
 * @param durationMs              decoded length
 * @param loudness                integrated loudness, LUFS (BS.1770-4)
 * @param tempo                   BPM, 0 when none was found
 * @param tempoConfidence         0..1
 * @param key                     pitch class 0..11, -1 when none
 * @param mode                    1 major, 0 minor
 * @param keyConfidence           0..1
 * @param timeSignature           beats per bar, 3..7
 * @param timeSignatureConfidence 0..1
 * @param descriptors             the track summary the feature models read ({@link Descriptors})
 * @param structure               bars, beats, tatums, sections and segments
 */
public record SignalFeatures(long durationMs, double loudness, double tempo, double tempoConfidence, int key, int mode,
        double keyConfidence, int timeSignature, double timeSignatureConfidence, float[] descriptors, TrackStructure structure) {
}
