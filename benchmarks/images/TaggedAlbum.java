import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;

/**
 * Writes a tagged album for benchmarks/image-serving.sh: one short WAV tagged with artist and album (the scan
 * makes albums from tags only) and a photo-like cover.jpg of the given size beside it.
 * Run with Java's source launcher: java -cp jaudiotagger.jar TaggedAlbum.java FOLDER ALBUM COVER_PX
 */
public class TaggedAlbum {
    public static void main(String[] args) throws Exception {
        File folder = new File(args[0]);
        folder.mkdirs();
        int rate = 22_050;
        ByteBuffer pcm = ByteBuffer.allocate(rate * 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rate * 2; i++) {
            pcm.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
        }
        File wav = new File(folder, "01 - Bench - Song.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), new AudioFormat(rate, 16, 1, true, false), rate * 2),
                AudioFileFormat.Type.WAVE, wav);
        AudioFile audio = AudioFileIO.read(wav);
        Tag tag = audio.getTagOrCreateAndSetDefault();
        tag.setField(FieldKey.TITLE, "Song");
        tag.setField(FieldKey.ARTIST, "Bench");
        tag.setField(FieldKey.ALBUM, args[1]);
        audio.commit();
        int size = Integer.parseInt(args[2]);
        BufferedImage cover = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int noise = random.nextInt(64);
                cover.setRGB(x, y, (x * 191 / size + noise) << 16 | (y * 191 / size + noise) << 8 | noise * 2);
            }
        }
        ImageIO.write(cover, "jpeg", new File(folder, "cover.jpg"));
    }
}
