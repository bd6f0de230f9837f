package org.audotics.history.api;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a track was played from.
 *
 * @param type what the id names
 * @param id   the playlist, album or session id, or for {@link Type#RECOMMENDATION} the id of the recommendation
 *             request; 1..{@value #MAX_ID_LENGTH} letters, digits, '-', '_', '.' or ':'
 */
public record PlayContext(Type type, String id) {

    public static final int MAX_ID_LENGTH = 128;
    /** The rule for {@link #id()} in words, for error messages. */
    public static final String ID_RULE = "1 to " + MAX_ID_LENGTH + " letters, digits, '-', '_', '.' or ':'";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_ID_LENGTH + "}");

    /** The kinds of context. */
    public enum Type {
        PLAYLIST, ALBUM, SESSION, RECOMMENDATION;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Type> fromWireName(String name) {
            return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
        }
    }

    public PlayContext {
        Objects.requireNonNull(type, "type");
        if (!isWellFormedId(id)) {
            throw new IllegalArgumentException("context id must be " + ID_RULE);
        }
    }

    public static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
