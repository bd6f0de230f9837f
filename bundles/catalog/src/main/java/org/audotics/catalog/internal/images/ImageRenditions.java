package org.audotics.catalog.internal.images;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.audotics.catalog.api.StoredImage;

/**
 * Makes the rendition of a stored image at one of {@link StoredImage#SIZES}: at most that many pixels on the
 * longer side, aspect kept, never enlarged; JPEG (quality {@value #JPEG_QUALITY}) for opaque images, PNG when the
 * image has transparency. Downscaling halves the image step by step with bilinear interpolation before the last
 * step, which keeps the detail that one large bilinear step would alias away; it uses {@link AffineTransformOp},
 * which needs no graphics environment (a server may have no display). Thread-safe.
 */
public final class ImageRenditions {

    static final float JPEG_QUALITY = 0.88f;

    private final ImageDecoder decoder;

    public ImageRenditions(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /** An encoded rendition. */
    public record Rendition(byte[] data, String mediaType, int width, int height) {

        public String extension() {
            return mediaType.equals("image/png") ? "png" : "jpg";
        }
    }

    /**
     * @param original the stored image's bytes
     * @param image    its description
     * @param size     one of {@link StoredImage#SIZES}
     * @throws org.audotics.catalog.api.InvalidImageException when the original cannot be decoded (it could when stored)
     */
    public Rendition render(byte[] original, StoredImage image, int size) {
        int[] target = image.scaledTo(size);
        BufferedImage decoded = decoder.decode(original, size);
        BufferedImage scaled = scale(toRgb(decoded), target[0], target[1]);
        boolean alpha = scaled.getColorModel().hasAlpha();
        return new Rendition(encode(scaled, alpha), alpha ? "image/png" : "image/jpeg", scaled.getWidth(), scaled.getHeight());
    }

    /** Palette, grey and other layouts as packed RGB (ARGB when transparent), which every transform op takes. */
    private static BufferedImage toRgb(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int wanted = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == wanted) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, wanted);
        rgb.setRGB(0, 0, width, height, image.getRGB(0, 0, width, height, null, 0, width), 0, width);
        return rgb;
    }

    static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = resize(current, Math.max(width, current.getWidth() / 2), Math.max(height, current.getHeight() / 2));
        }
        return current.getWidth() == width && current.getHeight() == height ? current : resize(current, width, height);
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        AffineTransform scale = AffineTransform.getScaleInstance((double) width / image.getWidth(), (double) height / image.getHeight());
        BufferedImage target = new BufferedImage(width, height, image.getType());
        return new AffineTransformOp(scale, AffineTransformOp.TYPE_BILINEAR).filter(image, target);
    }

    private static byte[] encode(BufferedImage image, boolean png) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg");
        ImageWriter writer = writers.next(); // both writers are part of every JDK
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!png) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding into memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
