package org.audotics.auth.internal.accounts;

import java.security.SecureRandom;

/** Opaque account ids: 22 base-62 characters (about 131 random bits), like catalog and Spotify ids. */
final class AccountIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    static final int LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccountIds() {
    }

    static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** True for a string that can be an account id; anything else names no account without asking the database. */
    static boolean plausible(String id) {
        return id != null && id.length() == LENGTH && id.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }
}
