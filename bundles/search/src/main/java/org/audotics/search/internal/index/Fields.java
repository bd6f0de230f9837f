package org.audotics.search.internal.index;

/** The Lucene fields of a search document (one document per track, artist, album and public playlist). */
final class Fields {

    /** "track:&lt;id&gt;": unique, the term a document is replaced or deleted by. */
    static final String KEY = "key";
    /** track, artist, album or playlist. */
    static final String TYPE = "type";
    /** The catalog id: stored, and sorted on as the last tie-break. */
    static final String ID = "id";
    /** The item's own name: track, artist, album or playlist name. */
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
    /** A playlist's description. */
    static final String DESCRIPTION = "description";
    /** A playlist owner's display name (as it was when the playlist was last indexed). */
    static final String OWNER = "owner";
    /** Release year (int point): tracks (their album's) and albums. */
    static final String YEAR = "year";
    /** Release day as days since 1970-01-01 (int point): albums with a full release date only. */
    static final String RELEASED = "released";
    /** Popularity 0..100, or a playlist's followers (doc values): the tie-break among equal scores. */
    static final String POPULARITY = "popularity";

    private Fields() {
    }
}
