package org.audotics.history.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The window of top items and profiles, with Spotify's names. Windows are whole UTC days, today included. */
public enum TimeRange {
    /** The last 4 weeks (28 days). */
    SHORT_TERM(28),
    /** The last 6 months (182 days). */
    MEDIUM_TERM(182),
    /** Everything ever stored. */
    LONG_TERM(-1);

    private final int days;

    TimeRange(int days) {
        this.days = days;
    }

    /** @return the window's length, or empty for {@link #LONG_TERM} (no limit) */
    public Optional<Duration> length() {
        return days < 0 ? Optional.empty() : Optional.of(Duration.ofDays(days));
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<TimeRange> fromWireName(String name) {
        return Arrays.stream(values()).filter(range -> range.wireName().equals(name)).findFirst();
    }
}
