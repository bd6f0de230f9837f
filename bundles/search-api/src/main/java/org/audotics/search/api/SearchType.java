package org.audotics.search.api;

import java.util.Locale;

/** The item types one search may ask for, spelt in requests as Spotify's {@code type} values. */
public enum SearchType {
    TRACK, ARTIST, ALBUM,
    /** Public playlists (by name, owner's name, description); none when no library is installed. */
    PLAYLIST;

    /** @return the value of the {@code type} parameter, e.g. {@code "track"} */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the key of this type's paging object in Spotify's answer, e.g. {@code "tracks"} */
    public String resultKey() {
        return parameterValue() + "s";
    }

    /**
     * @param value one {@code type} value, e.g. {@code "album"} (exact, lower case, as Spotify spells it)
     * @throws InvalidSearchException when it is none of track, artist, album, playlist
     */
    public static SearchType of(String value) {
        for (SearchType type : values()) {
            if (type.parameterValue().equals(value)) {
                return type;
            }
        }
        throw new InvalidSearchException("type must be a comma-separated list of track, artist, album, playlist");
    }
}
