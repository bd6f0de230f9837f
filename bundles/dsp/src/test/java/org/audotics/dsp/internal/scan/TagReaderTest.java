package org.audotics.dsp.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an untagged or unreadable file is called: its name, parsed the way music folders are named. */
class TagReaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "03 - The Band - Song Title.flac | Song Title        | The Band       | 3",
        "03. Song Title.mp3              | Song Title        | Unknown artist | 3",
        "12 Song Title.ogg               | Song Title        | Unknown artist | 12",
        "The Band - Song Title.wav       | Song Title        | The Band       | 0",
        "Song_Title_with_underscores.wav | Song Title with underscores | Unknown artist | 0",
        "1999.mp3                        | 1999              | Unknown artist | 0"})
    void namesFollowTheUsualFolderConventions(String file, String title, String artist, int track) {
        FileTags tags = TagReader.fromName(Path.of("/music", file.strip()));
        assertEquals(title.strip(), tags.title());
        assertEquals(List.of(artist.strip()), tags.artists());
        assertEquals(track, tags.trackNumber());
        assertNull(tags.album());
    }

    @Test
    void aFileWhoseTagsCannotBeReadIsDescribedByItsName(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("07 - Somebody - Broken.mp3"), "ID3 but nothing valid after it");
        FileTags tags = TagReader.read(broken);
        assertEquals("Broken", tags.title());
        assertEquals(List.of("Somebody"), tags.artists());
        assertEquals(7, tags.trackNumber());
    }

    @Test
    void trackImportsHaveStableIdsThatPublishNoServerPathAndSaneFields() {
        FileTags tags = new FileTags("Title", List.of("A", "B"), "Album", "rock", 2, 1, "2001", 0);
        var track = ScannedTracks.trackOf(Path.of("/home/someone/music/a.flac"), tags);
        assertTrue(track.externalId().matches("file-sha256:[0-9a-f]{64}"), track.externalId());
        assertFalse(track.externalId().contains("someone") || track.externalId().contains("a.flac"), "no part of the path");
        assertEquals(track.externalId(), ScannedTracks.trackOf(Path.of("/home/someone/music/a.flac"), tags).externalId(), "stable");
        assertNotEquals(track.externalId(), ScannedTracks.trackOf(Path.of("/other/root/music/a.flac"), tags).externalId(),
                "the same relative path under two roots is two tracks");
        assertEquals(1, track.durationMs(), "unknown duration until analysed: the smallest valid value");
        assertEquals("2001", track.album().releaseDate());
        var longPath = Path.of("/" + "x".repeat(300) + ".flac");
        assertEquals(12 + 64, ScannedTracks.trackOf(longPath, tags).externalId().length(), "fits the catalog's 200 characters");
    }
}
