package org.audotics.catalog.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An image stored by this server ({@link CatalogImages#store}), named by the SHA-256 of its bytes, so the same
 * bytes are stored once however many albums show them.
 *
 * @param id        64 lower-case hex digits: the SHA-256 of the original bytes
 * @param mediaType one of {@link #MEDIA_TYPES}, as the bytes are (not as a file name says)
 * @param width     of the original, in pixels, at least 1
 * @param height    of the original, in pixels, at least 1
 * @since 1.5
 */
public record StoredImage(String id, String mediaType, int width, int height) {

    /** The formats stored: what the JDK's ImageIO reads. */
    public static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp");

    /**
     * The sizes served ({@code GET /v1/images/{id}?size=}), largest first, as Spotify serves its covers: at most
     * this many pixels on the longer side, never enlarged.
     */
    public static final List<Integer> SIZES = List.of(640, 300, 64);

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    public StoredImage {
        if (!isWellFormedId(id)) {
            throw new IllegalArgumentException("an image id is 64 lower-case hex digits");
        }
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("unknown media type " + mediaType);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be at least 1");
        }
    }

    public static boolean isWellFormedId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * The renditions an album or artist lists for this image, in Spotify's shape, largest first: one per
     * {@link #SIZES size}, with the dimensions it is served at; sizes that would give the same dimensions (a small
     * original is never enlarged) are listed once. URLs are relative to the API base ({@link Image#resolve}).
     */
    public List<Image> renditions() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            int[] scaled = scaledTo(size);
            Image image = new Image(Image.STORED_PREFIX + id + "?size=" + size, scaled[1], scaled[0]);
            if (images.isEmpty() || !Objects.equals(images.get(images.size() - 1).width(), image.width())
                    || !Objects.equals(images.get(images.size() - 1).height(), image.height())) {
                images.add(image);
            }
        }
        return List.copyOf(images);
    }

    /** @return {width, height} of the rendition of at most {@code size} pixels on the longer side, never enlarged */
    public int[] scaledTo(int size) {
        int longer = Math.max(width, height);
        if (longer <= size) {
            return new int[] {width, height};
        }
        double scale = (double) size / longer;
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }
}
