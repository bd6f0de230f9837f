package org.audotics.library.internal.playlists;

import java.security.SecureRandom;

/** New playlist ids: 22 random base-62 characters (about 131 bits), the shape of Spotify's ids. */
final class PlaylistIds {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PATTERN = "[0-9A-Za-z]{22}";

    private PlaylistIds() {
    }

    static String next() {
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    static boolean isWellFormed(String id) {
        return id != null && id.matches(PATTERN);
    }
}
