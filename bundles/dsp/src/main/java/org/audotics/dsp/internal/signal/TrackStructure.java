package org.audotics.dsp.internal.signal;

import java.util.List;

/** The time structure of a track, as in Spotify's audio analysis: bars, beats, tatums, sections, segments. */
public record TrackStructure(List<TimeInterval> bars, List<TimeInterval> beats, List<TimeInterval> tatums,
        List<Section> sections, List<Segment> segments) {
}
