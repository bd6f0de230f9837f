package org.audotics.search.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A search query in Spotify's syntax, parsed: free text plus field filters.
 *
 * <p>Syntax ({@link #parse(String)}): words separated by white space; a double-quoted run is one word with its
 * spaces ({@code "daft punk"}). A word {@code field:value} whose field is one of {@code artist}, {@code album},
 * {@code track}, {@code genre}, {@code year}, {@code tag} (any case) is a filter, its value possibly quoted
 * ({@code artist:"daft punk"}); every other word is free text. Every other character is literal text, never
 * syntax: {@code * ? ~ : ( ) " + - ! ^ [ ] { } \ /}, {@code AND}, {@code OR}, {@code NOT} are searched for as
 * written (and, being punctuation or common words, mostly ignored by matching). There are no operators.
 * <ul>
 *   <li>{@code artist:}, {@code album:}, {@code track:}, {@code genre:}: every word of the value must appear
 *       (case- and accent-insensitive, exact words) in the item's artist names, album name, track name, genres;
 *       repeated filters must all match;</li>
 *   <li>{@code year:1995} or {@code year:1990-1999}: the release year (tracks: their album's) in the range,
 *       both ends included; anything else after {@code year:} is an {@link InvalidSearchException};</li>
 *   <li>{@code tag:new}: albums released in the last 14 days (see the implementation for the exact rule); any
 *       other tag is an {@link InvalidSearchException}.</li>
 * </ul>
 *
 * @param text    the free-text words, in order, as written (not yet folded)
 * @param artists the values of {@code artist:} filters
 * @param albums  the values of {@code album:} filters
 * @param tracks  the values of {@code track:} filters
 * @param genres  the values of {@code genre:} filters
 * @param year    the {@code year:} filter (the last one wins), or null
 * @param tagNew  whether {@code tag:new} was given
 */
public record SearchQuery(List<String> text, List<String> artists, List<String> albums, List<String> tracks,
        List<String> genres, YearRange year, boolean tagNew) {

    public SearchQuery {
        text = List.copyOf(text);
        artists = List.copyOf(artists);
        albums = List.copyOf(albums);
        tracks = List.copyOf(tracks);
        genres = List.copyOf(genres);
    }

    /** @return whether the query has neither text nor a filter (matches nothing) */
    public boolean isEmpty() {
        return text.isEmpty() && artists.isEmpty() && albums.isEmpty() && tracks.isEmpty() && genres.isEmpty()
                && year == null && !tagNew;
    }

    /** @return whether some filter is given */
    public boolean hasFilters() {
        return !artists.isEmpty() || !albums.isEmpty() || !tracks.isEmpty() || !genres.isEmpty() || year != null || tagNew;
    }

    /**
     * @param q the {@code q} parameter as sent
     * @throws InvalidSearchException when q is null, blank, longer than {@value SearchService#MAX_QUERY_LENGTH}
     *                                chars, or a {@code year:} or {@code tag:} value is invalid
     */
    public static SearchQuery parse(String q) {
        if (q == null) {
            throw new InvalidSearchException("q is required");
        }
        if (q.length() > SearchService.MAX_QUERY_LENGTH) { // checked first: a huge query costs nothing
            throw new InvalidSearchException("q must be at most " + SearchService.MAX_QUERY_LENGTH + " characters");
        }
        if (q.isBlank()) {
            throw new InvalidSearchException("q must not be empty");
        }
        List<String> text = new ArrayList<>();
        List<String> artists = new ArrayList<>();
        List<String> albums = new ArrayList<>();
        List<String> tracks = new ArrayList<>();
        List<String> genres = new ArrayList<>();
        YearRange year = null;
        boolean tagNew = false;
        int i = 0;
        int n = q.length();
        while (i < n) {
            if (Character.isWhitespace(q.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            String field = null;
            int colon = -1;
            if (q.charAt(i) != '"') {
                int j = i;
                while (j < n && Character.isLetter(q.charAt(j))) {
                    j++;
                }
                if (j < n && j > i && q.charAt(j) == ':' && FIELDS.contains(q.substring(i, j).toLowerCase(Locale.ROOT))) {
                    field = q.substring(i, j).toLowerCase(Locale.ROOT);
                    colon = j;
                }
            }
            int valueStart = field == null ? start : colon + 1;
            String value;
            if (valueStart < n && q.charAt(valueStart) == '"') {
                int close = q.indexOf('"', valueStart + 1);
                value = close < 0 ? q.substring(valueStart + 1) : q.substring(valueStart + 1, close);
                i = close < 0 ? n : close + 1;
            } else {
                int end = valueStart;
                while (end < n && !Character.isWhitespace(q.charAt(end))) {
                    end++;
                }
                value = q.substring(valueStart, end);
                i = end;
            }
            if (field == null) {
                if (!value.isBlank()) {
                    text.add(value);
                }
                continue;
            }
            if (value.isBlank()) {
                text.add(field + ":"); // "artist:" with nothing after it is just a word
                continue;
            }
            switch (field) {
                case "artist" -> artists.add(value);
                case "album" -> albums.add(value);
                case "track" -> tracks.add(value);
                case "genre" -> genres.add(value);
                case "year" -> year = year(value);
                default -> tagNew = tag(value);
            }
        }
        return new SearchQuery(text, artists, albums, tracks, genres, year, tagNew);
    }

    private static final List<String> FIELDS = List.of("artist", "album", "track", "genre", "year", "tag");

    private static YearRange year(String value) {
        String[] ends = value.strip().split("-", -1);
        if (ends.length > 2) {
            throw new InvalidSearchException("q: year must be a year or a range like year:1990-1999, not '" + value + "'");
        }
        int from = yearNumber(ends[0], value);
        int to = ends.length == 2 ? yearNumber(ends[1], value) : from;
        return new YearRange(from, to);
    }

    private static int yearNumber(String digits, String value) {
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidSearchException("q: year must be a year or a range like year:1990-1999, not '" + value + "'");
        }
        return Integer.parseInt(digits);
    }

    private static boolean tag(String value) {
        if (!Objects.equals(value.strip().toLowerCase(Locale.ROOT), "new")) {
            throw new InvalidSearchException("q: the only tag is tag:new, not tag:" + value);
        }
        return true;
    }
}
