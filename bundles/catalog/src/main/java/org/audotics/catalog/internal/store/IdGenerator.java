package org.audotics.catalog.internal.store;

import java.security.SecureRandom;

/** Opaque catalog ids: 22 base-62 characters (about 131 random bits), the length of Spotify's ids. */
final class IdGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private IdGenerator() {
    }

    static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
