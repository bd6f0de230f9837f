package org.audotics.catalog.internal.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made by the tests: real encoded files of a given size, and a forged PNG header. */
public final class TestImages {

    private TestImages() {
    }

    /** A JPEG of this size, a left-to-right red gradient over blue, so a scaled copy can be checked by colour. */
    public static byte[] jpeg(int width, int height) {
        return encode(gradient(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] png(int width, int height, boolean transparent) {
        return encode(gradient(width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB), "png");
    }

    public static byte[] gif(int width, int height) {
        return encode(gradient(width, height, BufferedImage.TYPE_BYTE_INDEXED), "gif");
    }

    private static BufferedImage gradient(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = x * 255 / Math.max(1, width - 1);
                int alpha = type == BufferedImage.TYPE_INT_ARGB ? 128 : 255;
                image.setRGB(x, y, alpha << 24 | red << 16 | 0xc0);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A 60-byte PNG whose header claims {@code width x height} pixels: the shape of a decompression bomb (a real
     * one has compressed zeros after the header; decoding it would need width x height x 4 bytes of heap).
     */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, header.array());
        chunk(png, ByteBuffer.allocate(8).put("IDAT".getBytes()).put(new byte[] {0x78, (byte) 0x9c, 0, 0}).array());
        return png.array();
    }

    private static void chunk(ByteBuffer png, byte[] typeAndData) {
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        png.putInt(typeAndData.length - 4).put(typeAndData).putInt((int) crc.getValue());
    }
}
