package org.audotics.catalog.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an import body, read from a stream with a bounded buffer: a line longer than the limit is
 * skipped to its end and reported as too long, a line that is not UTF-8 as such, so one bad line never ends
 * the job. Lines end at {@code \n}; a {@code \r} before it and a byte order mark at the start are dropped.
 * Not thread-safe.
 */
final class BodyLines {

    /** One line: its 1-based number, and its text, or null with the problem when it cannot be read. */
    record Line(long number, String text, String problem) {
    }

    private static final int BUFFER = 65_536;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[BUFFER];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line;
    private int lineLength;
    private int position;
    private int limit;
    private long number;

    /** @param maxBytes longest line kept, in bytes; longer lines are reported, not read */
    BodyLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.line = new byte[Math.min(maxBytes, 4096)];
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException {
        lineLength = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, BUFFER);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (!tooLong) {
                if (lineLength + length > maxBytes) {
                    tooLong = true;
                } else {
                    append(start, length);
                }
            }
            if (position < limit) {
                position++; // the line break
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "is longer than " + maxBytes + " bytes");
        }
        int length = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        int offset = number == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return new Line(number, decoder.decode(ByteBuffer.wrap(line, offset, length - offset)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "is not valid UTF-8");
        }
    }

    private void append(int start, int length) {
        if (lineLength + length > line.length) {
            byte[] larger = new byte[Math.min(maxBytes, Math.max(line.length * 2, lineLength + length))];
            System.arraycopy(line, 0, larger, 0, lineLength);
            line = larger;
        }
        System.arraycopy(buffer, start, line, lineLength, length);
        lineLength += length;
    }
}
