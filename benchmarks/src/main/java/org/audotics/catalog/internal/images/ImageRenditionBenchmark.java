package org.audotics.catalog.internal.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.audotics.catalog.api.StoredImage;

/**
 * How long a cover's first rendition takes (decode subsampled, scale, encode) at each served size, for covers of
 * typical sizes, with the catalog bundle's own classes; and how long refusing a forged 100 000 x 100 000 header takes.
 * Prints one line per case: p50 and max over the runs, the rendition's bytes. Run by benchmarks/image-renditions.sh.
 */
public final class ImageRenditionBenchmark {

    private ImageRenditionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ImageDecoder decoder = new ImageDecoder(40_000_000);
        ImageRenditions renditions = new ImageRenditions(decoder);
        System.out.printf("runs per case: %d, Java %s, %d cores%n", runs, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        for (int original : new int[] {600, 1400, 3000, 6000}) {
            byte[] jpeg = noisyJpeg(original);
            ImageDecoder.Header header = decoder.header(jpeg);
            StoredImage image = new StoredImage(ImageIds.of(jpeg), header.mediaType(), header.width(), header.height());
            for (int size : StoredImage.SIZES) {
                long[] times = new long[runs];
                int bytes = 0;
                for (int i = -3; i < runs; i++) { // 3 warm-up runs
                    long start = System.nanoTime();
                    bytes = renditions.render(jpeg, image, size).data().length;
                    if (i >= 0) {
                        times[i] = System.nanoTime() - start;
                    }
                }
                Arrays.sort(times);
                System.out.printf("original %5d px JPEG (%7d bytes) -> %3d: p50 %6.1f ms, max %6.1f ms, %6d bytes%n", original, jpeg.length,
                        size, times[runs / 2] / 1e6, times[runs - 1] / 1e6, bytes);
            }
        }
        byte[] bomb = bombHeader();
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            try {
                decoder.decode(bomb, 640);
                throw new IllegalStateException("a bomb was decoded");
            } catch (org.audotics.catalog.api.InvalidImageException expected) {
                // refused from its header
            }
        }
        System.out.printf("forged 100000 x 100000 PNG refused: %.3f ms each%n", (System.nanoTime() - start) / 1e6 / 1000);
    }

    /** A photo-like JPEG: noise over a gradient, so it compresses like a real cover rather than a flat colour. */
    private static byte[] noisyJpeg(int size) throws Exception {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int noise = random.nextInt(64);
                image.setRGB(x, y, (x * 191 / size + noise) << 16 | (y * 191 / size + noise) << 8 | (noise * 2));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static byte[] bombHeader() {
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 25 + 16);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(100_000).putInt(100_000)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr);
        png.putInt(13).put(ihdr).putInt((int) crc.getValue());
        byte[] idat = {'I', 'D', 'A', 'T', 0x78, (byte) 0x9c, 0, 0};
        crc.reset();
        crc.update(idat);
        png.putInt(4).put(idat).putInt((int) crc.getValue());
        return png.array();
    }
}
