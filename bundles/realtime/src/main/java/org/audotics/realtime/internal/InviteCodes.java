package org.audotics.realtime.internal;

import java.security.SecureRandom;
import java.util.Locale;
import org.audotics.realtime.api.SessionService;

/**
 * Invite codes and session ids. Codes are {@link SessionService#INVITE_CODE_LENGTH} characters of an alphabet
 * without look-alikes (no 0/O, 1/I): 50 random bits, read aloud or typed without confusion.
 */
final class InviteCodes {

    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String ID_PATTERN = "[0-9A-Za-z]{22}";

    private InviteCodes() {
    }

    static String code() {
        return random(CODE_ALPHABET, SessionService.INVITE_CODE_LENGTH);
    }

    /** A session or queue item id: 22 base-62 characters (about 131 bits). */
    static String id() {
        return random(ID_ALPHABET, 22);
    }

    /** @return the code as stored (upper case, trimmed) */
    static String normalised(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
