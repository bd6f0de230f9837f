package org.audotics.search.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Searches the catalog's tracks, artists and albums, and public playlists, by name, with Spotify's query syntax.
 *
 * <p>Provided by the search bundle (an embedded Lucene index) or by any replacement, e.g. an adapter to an
 * OpenSearch/Elasticsearch cluster; called by the REST resource of {@code GET /v1/search}, concurrently, so
 * implementations must be thread-safe. Callers take the highest-ranking service, so a replacement registered
 * with a higher {@code service.ranking} takes over without touching them.
 *
 * <p>Contract every implementation keeps (see {@link SearchQuery} for the syntax):
 * <ul>
 *   <li>matching is case- and accent-insensitive ("beyonce" finds "Beyoncé"), a query's last word also
 *       matches as a prefix (typing), and a word of 4 or more letters also matches with one typo (8 or more:
 *       two), so "metalica" finds "Metallica";</li>
 *   <li>ranking: an exact match of the whole name first, then every word exact, then prefixes, then typos;
 *       among equal matches the more popular item (0..100) first, then by id, so pages are stable;</li>
 *   <li>filters restrict, they never rank; a filter that does not apply to a type (e.g. {@code track:} for
 *       artists) matches none of that type;</li>
 *   <li>an empty query after parsing (only punctuation) matches nothing: every type answers no ids and 0.</li>
 * </ul>
 * The index follows the catalog within seconds on the node that changed it and within the implementation's
 * poll interval on the others; a search never waits for indexing.
 */
@ProviderType
public interface SearchService {

    /** The largest {@link SearchRequest#limit()}, as in Spotify's Web API. */
    int MAX_LIMIT = 50;
    /** The largest {@link SearchRequest#offset()}, as in Spotify's Web API. */
    int MAX_OFFSET = 1_000;
    /** The longest query {@link SearchQuery#parse(String)} accepts, in UTF-16 chars. */
    int MAX_QUERY_LENGTH = 1_000;

    /**
     * @return one {@link SearchHits} per requested type; {@link SearchType#PLAYLIST} is
     *         {@link SearchHits#NONE} when the implementation indexes no playlists (e.g. no library is installed)
     * @throws SearchUnavailableException when the index or backend cannot answer yet (transient)
     */
    SearchResults search(SearchRequest request);

    /**
     * Asks for the index to be rebuilt from the catalog; returns at once (the rebuild runs in the background,
     * and the current index answers until the new one is complete). Asking again while one runs is a no-op.
     */
    void reindex();
}
