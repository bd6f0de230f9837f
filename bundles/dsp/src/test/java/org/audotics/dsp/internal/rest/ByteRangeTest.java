package org.audotics.dsp.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static ByteRange part(String header, long length) {
        return assertInstanceOf(ByteRange.Part.class, ByteRange.of(header, length), header).range();
    }

    @Test
    void readsOneRangeOpenRangesAndSuffixesClippedToTheFile() {
        assertEquals(new ByteRange(0, 99), part("bytes=0-99", 1000));
        assertEquals(new ByteRange(500, 999), part("bytes=500-", 1000));
        assertEquals(new ByteRange(900, 999), part("bytes=-100", 1000), "the last 100 bytes");
        assertEquals(new ByteRange(0, 999), part("bytes=-5000", 1000), "a suffix longer than the file is the whole file");
        assertEquals(new ByteRange(990, 999), part("bytes=990-5000", 1000), "an end past the file is clipped");
        assertEquals(new ByteRange(7, 7), part(" bytes=7-7 ", 1000));
        assertEquals("bytes 900-999/1000", part("bytes=-100", 1000).contentRange(1000));
        assertEquals(100, part("bytes=0-99", 1000).length());
    }

    @Test
    void aRangeStartingAtOrPastTheEndIsUnsatisfiable() {
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of("bytes=1000-", 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of("bytes=5000-6000", 1000));
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of("bytes=-0", 1000), "a suffix of no bytes");
        assertInstanceOf(ByteRange.Unsatisfiable.class, ByteRange.of("bytes=0-", 0), "an empty file has no byte 0");
    }

    @Test
    void badSyntaxOtherUnitsAndSeveralRangesAreIgnoredForTheWholeFile() {
        for (String ignored : new String[] {null, "", "bytes=", "bytes=-", "bytes=abc-def", "bytes=10-5", "items=0-10", "bytes=0-10,20-30",
                "bytes=0-10, -5", "bytes 0-10", "bytes=99999999999999999999-", "bytes=1-2-3"}) {
            assertInstanceOf(ByteRange.Whole.class, ByteRange.of(ignored, 1000), String.valueOf(ignored));
        }
    }

    @Test
    void theContentTypeComesFromTheFilesBytes() {
        assertEquals("audio/wav", type("RIFF\0\0\0\0WAVEfmt "));
        assertEquals("audio/flac", type("fLaC\0\0\0\""));
        assertEquals("audio/mpeg", type("ID3\u0004\0\0\0\0\0\0"));
        assertEquals("audio/ogg", type("OggS\0\u0002\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u0001vorbis"));
        assertEquals("application/octet-stream", type("%PDF-1.4"));
    }

    private static String type(String header) {
        byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
        return AudioStream.contentType(bytes, bytes.length);
    }
}
