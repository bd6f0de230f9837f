package org.audotics.realtime.internal;

import java.util.Collection;
import java.util.Map;

/** The lengths of catalog tracks, which playback needs to know when an item ends; a seam unit tests fill. */
public interface TrackDurations {

    /** @return each known track's duration in ms (a track the catalog does not have is no key) */
    Map<String, Long> durations(Collection<String> trackIds);
}
