package org.audotics.library.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.http.api.ApiException;
import org.audotics.library.api.PlaylistService;

/**
 * Track uris as clients send them: ours ({@code audotics:track:<id>}) or Spotify's ({@code spotify:track:<id>}),
 * the id a catalog id. Every uri must name a track of the catalog: one bulk lookup per request.
 */
final class TrackUris {

    static final String RULE = "a track uri 'audotics:track:<id>' or 'spotify:track:<id>' (" + CatalogIds.RULE + ")";

    private TrackUris() {
    }

    /** @return the catalog id of a well-formed uri; 400 {@code invalid_body} naming the field otherwise */
    static String id(String field, String uri) {
        return id(field, uri, false);
    }

    /** @param fromQuery the uri came in the query string: a bad one is 400 {@code invalid_parameter}, not {@code invalid_body} */
    private static String id(String field, String uri, boolean fromQuery) {
        if (uri != null) {
            for (String prefix : new String[] {"audotics:track:", "spotify:track:"}) {
                if (uri.startsWith(prefix) && CatalogIds.isWellFormed(uri.substring(prefix.length()))) {
                    return uri.substring(prefix.length());
                }
            }
        }
        throw refused(fromQuery, "'" + field + "' holds '" + uri + "', not " + RULE);
    }

    /**
     * The ids of the uris, in order with duplicates kept; 400 for too many, malformed or unknown uris: {@code invalid_parameter}
     * when they came in the query string ({@code fromQuery}), {@code invalid_body} when in the body.
     */
    static List<String> knownIds(String field, List<String> uris, int min, CatalogService catalog, boolean fromQuery) {
        if (uris.size() < min || uris.size() > PlaylistService.MAX_TRACKS_PER_CHANGE) {
            throw refused(fromQuery, "'" + field + "' must hold " + min + " to " + PlaylistService.MAX_TRACKS_PER_CHANGE + " uris, held " + uris.size());
        }
        List<String> ids = new ArrayList<>(uris.size());
        for (String uri : uris) {
            ids.add(id(field, uri, fromQuery));
        }
        Set<String> distinct = new LinkedHashSet<>(ids);
        Map<String, Track> found = catalog.tracks(distinct);
        List<String> unknown = distinct.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw refused(fromQuery, "'" + field + "' names tracks the catalog does not have: " + String.join(", ", unknown));
        }
        return ids;
    }

    private static ApiException refused(boolean fromQuery, String message) {
        return fromQuery ? ApiException.invalidParameter(message) : ApiException.invalidBody(message);
    }

    /** The {@code uris} query parameter: comma-separated, as Spotify's. */
    static List<String> fromQuery(String uris) {
        List<String> list = new ArrayList<>();
        for (String uri : uris.split(",", -1)) {
            list.add(uri.strip());
        }
        return list;
    }
}
