package org.audotics.dsp.internal.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFormat;
import org.audotics.dsp.internal.signal.Signals;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.images.ArtworkFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a scan finds an album's cover: a cover file beside the audio (by name, any case), else the art in the tags. */
class CoverArtTest {

    @TempDir
    Path music;

    private CoverArt covers;

    @BeforeEach
    void roots() throws Exception {
        music = music.toRealPath();
        covers = new CoverArt(new LibraryRoots(List.of(music)), 100_000);
    }

    private static byte[] jpeg(int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    private Path wav(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        return Signals.wav(folder.resolve(name), new float[][] {new float[4410]}, 44_100f, AudioFormat.Encoding.PCM_SIGNED, 16);
    }

    /** Writes a picture into the file's tags the way tagging tools do (an ID3 chunk in a WAV). */
    private static void embed(Path audio, byte[] picture) throws Exception {
        AudioFile file = AudioFileIO.read(audio.toFile());
        Tag tag = file.getTagOrCreateAndSetDefault();
        Artwork artwork = ArtworkFactory.getNew();
        artwork.setBinaryData(picture);
        artwork.setMimeType("image/jpeg");
        artwork.setPictureType(3); // front cover
        tag.setField(artwork);
        file.commit();
    }

    @Test
    void prefersCoverThenFolderThenFrontWhateverTheCase() throws Exception {
        Path album = music.resolve("Band").resolve("Album");
        Path track = wav(album, "01 - Song.wav");
        Files.write(album.resolve("FRONT.JPG"), jpeg(10));
        assertEquals(album.resolve("FRONT.JPG"), covers.coverFile(album).orElseThrow());
        Files.write(album.resolve("Folder.jpg"), jpeg(11));
        assertEquals(album.resolve("Folder.jpg"), covers.coverFile(album).orElseThrow());
        byte[] cover = jpeg(12);
        Files.write(album.resolve("Cover.PNG"), cover);
        assertEquals(album.resolve("Cover.PNG"), covers.coverFile(album).orElseThrow());
        CoverArt.Found found = covers.of(List.of(track)).orElseThrow();
        assertArrayEquals(cover, found.data());
    }

    @Test
    void filesInADiscFolderTakeTheCoverOfTheAlbumFolderAbove() throws Exception {
        Path album = music.resolve("Double Album");
        Path first = wav(album.resolve("CD1"), "01.wav");
        Path second = wav(album.resolve("Disc 2"), "01.wav");
        byte[] cover = jpeg(20);
        Files.write(album.resolve("folder.jpg"), cover);
        assertArrayEquals(cover, covers.of(List.of(first, second)).orElseThrow().data());
        Path notADisc = wav(music.resolve("Other").resolve("Bonus"), "01.wav");
        Files.write(music.resolve("Other").resolve("cover.jpg"), cover);
        assertTrue(covers.of(List.of(notADisc)).isEmpty(), "only disc folders look one level up");
    }

    @Test
    void otherImagesAreNoCover() throws Exception {
        Path album = music.resolve("Album");
        Path track = wav(album, "Song.wav");
        Files.write(album.resolve("back.jpg"), jpeg(10));
        Files.write(album.resolve("cover.jpg.txt"), jpeg(10));
        Files.createDirectories(album.resolve("cover.png")); // a folder of that name
        assertTrue(covers.of(List.of(track)).isEmpty());
    }

    @Test
    void takesTheArtEmbeddedInTheTagsWhenNoCoverFileIsThere() throws Exception {
        Path album = music.resolve("Embedded");
        Path plain = wav(album, "01 Plain.wav");
        Path tagged = wav(album, "02 Tagged.wav");
        byte[] picture = jpeg(40);
        embed(tagged, picture);
        CoverArt.Found found = covers.of(List.of(plain, tagged)).orElseThrow();
        assertArrayEquals(picture, found.data());
        assertEquals(tagged, found.source());
    }

    @Test
    void aCoverTooLargeOrLeadingOutOfTheRootsIsSkipped(@TempDir Path outside) throws Exception {
        Path album = music.resolve("Big");
        Path track = wav(album, "Song.wav");
        Files.write(album.resolve("cover.jpg"), new byte[100_001]);
        assertTrue(covers.of(List.of(track)).isEmpty(), "over the limit: not read at all");
        Files.delete(album.resolve("cover.jpg"));
        Files.write(outside.resolve("secret.jpg"), jpeg(10));
        Files.createSymbolicLink(album.resolve("cover.jpg"), outside.resolve("secret.jpg"));
        assertTrue(covers.of(List.of(track)).isEmpty(), "a link out of the library roots is not followed");
    }

    @Test
    void unreadableTagsMeanNoEmbeddedArt() throws Exception {
        Path broken = Files.writeString(music.resolve("broken.mp3"), "ID3 but nothing valid after it");
        assertTrue(covers.embedded(broken).isEmpty());
    }
}
