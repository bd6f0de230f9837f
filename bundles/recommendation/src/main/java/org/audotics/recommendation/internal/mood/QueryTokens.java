package org.audotics.recommendation.internal.mood;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a mood query, or a phrase of the vocabulary, into words the same way: Unicode-normalised (NFKC),
 * lower case, curly apostrophes made straight. A word is a run of letters and digits that may hold
 * {@code ' & - .} inside ({@code don't}, {@code r&b}, {@code hip-hop}, {@code 90-110}); every other symbol
 * (an emoji, {@code ~}) is a word of its own, with variation selectors, joiners and skin tones dropped so
 * {@code ❤️} and {@code ❤} are the same. Punctuation ends a clause: {@link #BREAK} stands for it.
 */
final class QueryTokens {

    /** Stands for a clause break (punctuation) in a token list; never a word. */
    static final String BREAK = "\u0000";

    private QueryTokens() {
    }

    static List<String> of(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'');
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = normal.length();
        while (i < n) {
            int c = normal.codePointAt(i);
            int width = Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                int end = i + width;
                while (end < n) {
                    int next = normal.codePointAt(end);
                    if (Character.isLetterOrDigit(next) || Character.getType(next) == Character.NON_SPACING_MARK) {
                        end += Character.charCount(next);
                    } else if (isInner(next) && end + 1 < n && Character.isLetterOrDigit(normal.codePointAt(end + 1))) {
                        end += 1;
                    } else {
                        break;
                    }
                }
                tokens.add(normal.substring(i, end));
                i = end;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || ignorable(c) || c == '\'' || c == '-' || c == '&') {
                i += width;
            } else if (isPunctuation(c)) {
                if (tokens.isEmpty() || !tokens.get(tokens.size() - 1).equals(BREAK)) {
                    tokens.add(BREAK);
                }
                i += width;
            } else {
                tokens.add(new String(Character.toChars(c)));
                i += width;
            }
        }
        return tokens;
    }

    /** A phrase of the vocabulary as words (never with breaks). */
    static List<String> phrase(String phrase) {
        return of(phrase).stream().filter(token -> !token.equals(BREAK)).toList();
    }

    private static boolean isInner(int c) {
        return c == '\'' || c == '&' || c == '-' || c == '.';
    }

    /** Marks that only shape the symbol before them: variation selectors, zero-width joiners, skin tones. */
    private static boolean ignorable(int c) {
        return (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D || c == 0x200C || (c >= 0x1F3FB && c <= 0x1F3FF)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK;
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
