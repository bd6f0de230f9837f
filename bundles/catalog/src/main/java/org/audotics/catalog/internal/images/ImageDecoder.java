package org.audotics.catalog.internal.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.audotics.catalog.api.InvalidImageException;

/**
 * Reads image bytes with the JDK's ImageIO (JPEG, PNG, GIF, BMP), guarded against decompression bombs: the format
 * and the dimensions come from the header, and an image of more than {@code maxPixels} is refused before a single
 * pixel is decoded. Decoding is subsampled, so the decoded raster is at most about twice the size asked for,
 * whatever the original's: a 6000 x 6000 cover decodes to a 1280 x 1280 raster for the 640 rendition, not 144 MB.
 * Streams are cached in memory, never in temporary files. Thread-safe: every call has its own reader.
 */
public final class ImageDecoder {

    private static final Map<String, String> MEDIA_TYPES = Map.of("jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif",
            "bmp", "image/bmp");

    private final long maxPixels;

    /** @param maxPixels the most pixels (width x height) an image may have */
    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** The header of an image: its media type and dimensions. */
    public record Header(String mediaType, int width, int height) {
    }

    /** @throws InvalidImageException when the bytes are no image ImageIO reads, or it has too many pixels */
    public Header header(byte[] data) {
        return read(data, 0, (reader, header) -> header);
    }

    /**
     * Decodes the image (its first frame), subsampled so that its longer side is at least {@code atLeast} pixels
     * but rarely more than twice that (or the original's when smaller).
     *
     * @throws InvalidImageException when the bytes are no image, have too many pixels, or cannot be decoded
     */
    public BufferedImage decode(byte[] data, int atLeast) {
        return read(data, atLeast, (reader, header) -> {
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(header.width(), header.height()) / atLeast);
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        });
    }

    @FunctionalInterface
    private interface Step<R> {
        R apply(ImageReader reader, Header header) throws IOException;
    }

    private <R> R read(byte[] data, int atLeast, Step<R> step) {
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new InvalidImageException("is not a JPEG, PNG, GIF or BMP image");
            }
            ImageReader reader = readers.next();
            try {
                String mediaType = MEDIA_TYPES.get(reader.getFormatName().toLowerCase(Locale.ROOT));
                if (mediaType == null) {
                    throw new InvalidImageException("is a " + reader.getFormatName() + " image; JPEG, PNG, GIF or BMP are stored");
                }
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new InvalidImageException("has no pixels");
                }
                if ((long) width * height > maxPixels) {
                    throw new InvalidImageException("has " + width + " x " + height + " pixels, more than " + maxPixels);
                }
                return step.apply(reader, new Header(mediaType, width, height));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidImageException invalid) {
                throw invalid;
            }
            // ImageIO's readers throw IOException, and on some corrupt files IllegalArgumentException or worse
            throw new InvalidImageException("cannot be read as an image (" + e.getClass().getSimpleName() + ")");
        }
    }
}
