package org.audotics.catalog.internal.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.audotics.catalog.api.Image;
import org.audotics.catalog.api.InvalidImageException;
import org.audotics.catalog.api.StoredImage;
import org.junit.jupiter.api.Test;

/** Header reading, the bomb guard, and the renditions at Spotify's three sizes, on images made by the test. */
class ImageRenditionsTest {

    private final ImageDecoder decoder = new ImageDecoder(40_000_000);
    private final ImageRenditions renditions = new ImageRenditions(decoder);

    private static BufferedImage read(byte[] data) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(data));
    }

    private StoredImage stored(byte[] data) {
        ImageDecoder.Header header = decoder.header(data);
        return new StoredImage(ImageIds.of(data), header.mediaType(), header.width(), header.height());
    }

    @Test
    void readsFormatAndDimensionsFromTheHeader() {
        assertEquals(new ImageDecoder.Header("image/jpeg", 1000, 600), decoder.header(TestImages.jpeg(1000, 600)));
        assertEquals(new ImageDecoder.Header("image/png", 20, 30), decoder.header(TestImages.png(20, 30, true)));
        assertEquals(new ImageDecoder.Header("image/gif", 8, 8), decoder.header(TestImages.gif(8, 8)));
    }

    @Test
    void scalesToEachSizeKeepingTheAspectAndTheColours() throws Exception {
        byte[] original = TestImages.jpeg(1000, 600);
        StoredImage image = stored(original);
        for (int[] expected : new int[][] {{640, 640, 384}, {300, 300, 180}, {64, 64, 38}}) {
            ImageRenditions.Rendition rendition = renditions.render(original, image, expected[0]);
            BufferedImage decoded = read(rendition.data());
            assertEquals("image/jpeg", rendition.mediaType());
            assertEquals(expected[1], decoded.getWidth(), "width at " + expected[0]);
            assertEquals(expected[2], decoded.getHeight(), "height at " + expected[0]);
            int left = decoded.getRGB(1, decoded.getHeight() / 2) >> 16 & 0xff;
            int right = decoded.getRGB(decoded.getWidth() - 2, decoded.getHeight() / 2) >> 16 & 0xff;
            assertTrue(left < 40 && right > 215, "the gradient survives the resize at " + expected[0] + ": " + left + " .. " + right);
        }
    }

    @Test
    void neverEnlargesASmallImageAndListsEachDistinctSizeOnce() throws Exception {
        byte[] original = TestImages.png(200, 100, false);
        StoredImage image = stored(original);
        BufferedImage largest = read(renditions.render(original, image, 640).data());
        assertEquals(200, largest.getWidth());
        assertEquals(100, largest.getHeight());
        List<Image> listed = image.renditions();
        assertEquals(List.of(new Image("images/" + image.id() + "?size=640", 100, 200), new Image("images/" + image.id() + "?size=64", 32, 64)),
                listed);
    }

    @Test
    void keepsTransparencyAsPngAndReadsPaletteImages() throws Exception {
        byte[] transparent = TestImages.png(700, 700, true);
        ImageRenditions.Rendition rendition = renditions.render(transparent, stored(transparent), 300);
        assertEquals("image/png", rendition.mediaType());
        assertTrue(read(rendition.data()).getColorModel().hasAlpha());
        byte[] gif = TestImages.gif(400, 400);
        assertEquals(64, read(renditions.render(gif, stored(gif), 64).data()).getWidth());
    }

    @Test
    void refusesADecompressionBombFromItsHeaderAlone() {
        byte[] bomb = TestImages.pngHeaderClaiming(100_000, 100_000);
        InvalidImageException refused = assertThrows(InvalidImageException.class, () -> decoder.decode(bomb, 640));
        assertEquals("has 100000 x 100000 pixels, more than 40000000", refused.getMessage());
        assertEquals("has 30 x 30 pixels, more than 800", assertThrows(InvalidImageException.class,
                () -> new ImageDecoder(800).header(TestImages.jpeg(30, 30))).getMessage());
    }

    @Test
    void refusesBytesThatAreNoImage() {
        assertEquals("is not a JPEG, PNG, GIF or BMP image",
                assertThrows(InvalidImageException.class, () -> decoder.header("GIF? no, text".getBytes())).getMessage());
        byte[] jpeg = TestImages.jpeg(300, 300);
        byte[] headerOnly = java.util.Arrays.copyOf(jpeg, 20);
        assertThrows(InvalidImageException.class, () -> decoder.decode(headerOnly, 64));
    }
}
