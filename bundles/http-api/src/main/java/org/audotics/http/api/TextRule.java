package org.audotics.http.api;

import java.util.Optional;

/**
 * The one rule for text that reaches this server: a string is stored and answered exactly as sent, so it
 * must be Unicode text the database can keep. Refused: the NUL character (PostgreSQL cannot store it),
 * other C0 control characters except tab, line feed and carriage return, DEL, and unpaired UTF-16
 * surrogates (they are no Unicode characters; a database would silently rewrite them to {@code ?}).
 *
 * <p>The HTTP bundle applies it to every string of every JSON body and to every query and path
 * parameter, answering 400 naming the field or parameter; a bundle that reads a body itself (JSON lines,
 * forms) applies it with {@link #problem(String)} to each text field it reads.
 */
public final class TextRule {

    private TextRule() {
    }

    /**
     * @return what breaks the rule in {@code text}, e.g. {@code "contains the control character U+0000"},
     *         or empty when the text is acceptable (null is acceptable: requiredness is checked elsewhere)
     */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired UTF-16 surrogate " + codePoint(c) + ", which is not a character");
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return Optional.of("contains the control character " + codePoint(c));
            }
        }
        return Optional.empty();
    }

    /**
     * @param field the field or parameter name, for the message
     * @return {@code text}, when it follows the rule
     * @throws ApiException 400 {@code invalid_body} naming the field otherwise
     */
    public static String checkBodyField(String field, String text) {
        problem(text).ifPresent(problem -> {
            throw ApiException.invalidBody("field '" + field + "' " + problem);
        });
        return text;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
