package org.audotics.search.api;

/**
 * The {@code year:} filter: release years {@code from..to}, both included.
 *
 * @param from 0..9999
 * @param to   from..9999
 * @throws InvalidSearchException when out of range or {@code from > to}
 */
public record YearRange(int from, int to) {

    public YearRange {
        if (from < 0 || to > 9999 || from > to) {
            throw new InvalidSearchException("q: year must be a year (0..9999) or a range from..to with from <= to, e.g. year:1990-1999");
        }
    }

    public boolean contains(int year) {
        return year >= from && year <= to;
    }
}
