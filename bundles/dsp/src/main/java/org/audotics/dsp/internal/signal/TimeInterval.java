package org.audotics.dsp.internal.signal;

/** A bar, beat or tatum: start and duration in seconds, confidence 0..1. */
public record TimeInterval(double start, double duration, double confidence) {
}
