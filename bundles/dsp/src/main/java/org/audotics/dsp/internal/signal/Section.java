package org.audotics.dsp.internal.signal;

/**
 * A large part of a track (verse, chorus, bridge...) as Spotify's audio analysis describes it: times in
 * seconds, loudness in dBFS (mean power of the section), tempo in BPM, key and mode as in the track
 * features, confidences 0..1.
 */
public record Section(double start, double duration, double confidence, double loudness, double tempo,
        double tempoConfidence, int key, double keyConfidence, int mode, double modeConfidence, int timeSignature,
        double timeSignatureConfidence) {
}
