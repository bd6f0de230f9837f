package org.audotics.search.internal.index;

/** The Lucene fields of a search document (one document per track, artist and album). */
final class Fields {

    /** "track:&lt;id&gt;": unique, the term a document is replaced or deleted by. */
    static final String KEY = "key";
    /** track, artist or album. */
    static final String TYPE = "type";
    /** The catalog id: stored, and sorted on as the last tie-break. */
    static final String ID = "id";
    /** The item's own name: track, artist or album name. */
    static final String NAME = "name";
    /** The whole name reduced to its folded tokens: an exact-name match. */
    static final String NAME_KEY = "name_key";
    /** Artist names: a track's or album's artists; an artist's own name. */
    static final String ARTIST = "artist";
    /** Album name: a track's album; an album's own name. */
    static final String ALBUM = "album";
    /** Track name, on tracks only. */
    static final String TRACK = "track";
    static final String GENRE = "genre";
    /** Release year (int point): tracks (their album's) and albums. */
    static final String YEAR = "year";
    /** Release day as days since 1970-01-01 (int point): albums with a full release date only. */
    static final String RELEASED = "released";
    /** Popularity 0..100 (doc values): the tie-break among equal scores. */
    static final String POPULARITY = "popularity";

    private Fields() {
    }
}
