package org.audotics.dsp.internal.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single byte range of an HTTP {@code Range} header (RFC 9110 §14), resolved against the file's length. One range
 * only: a header with several ranges, another unit or bad syntax is ignored (the whole file, 200), as the RFC lets a
 * server do; a well-formed range that starts at or past the end is unsatisfiable (416).
 *
 * @param start first byte, inclusive
 * @param end   last byte, inclusive
 */
record ByteRange(long start, long end) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    /** What a Range header asks of a file of some length. */
    sealed interface Ask permits Whole, Part, Unsatisfiable {
    }

    /** The whole file: no Range, or one to ignore. */
    record Whole() implements Ask {
    }

    /** One range within the file. */
    record Part(ByteRange range) implements Ask {
    }

    /** A range past the end (or a suffix of 0 bytes): 416. */
    record Unsatisfiable() implements Ask {
    }

    /** @return bytes in the range */
    long length() {
        return end - start + 1;
    }

    /** The Content-Range of a 206: {@code bytes start-end/length}. */
    String contentRange(long fileLength) {
        return "bytes " + start + "-" + end + "/" + fileLength;
    }

    /**
     * @param header     the Range header, or null
     * @param fileLength the file's length in bytes, 0 or more
     */
    static Ask of(String header, long fileLength) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return new Whole();
        }
        try {
            if (m.group(1).isEmpty()) { // suffix: the last n bytes
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || fileLength == 0) {
                    return new Unsatisfiable();
                }
                return new Part(new ByteRange(Math.max(0, fileLength - suffix), fileLength - 1));
            }
            long start = Long.parseLong(m.group(1));
            long end = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (end < start) {
                return new Whole(); // syntactically invalid: ignored
            }
            if (start >= fileLength) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(start, Math.min(end, fileLength - 1)));
        } catch (NumberFormatException e) {
            return new Whole(); // beyond a long: not a range we can mean
        }
    }
}
