package org.audotics.catalog.api;

/**
 * Bytes given to {@link CatalogImages#store} are no image this server stores: not a readable JPEG, PNG, GIF or
 * BMP, too many bytes, or too many pixels (a decompression bomb is refused from its header, before it is
 * decoded). Nothing is stored.
 *
 * @since 1.5
 */
public class InvalidImageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, e.g. {@code "has 100000 x 100000 pixels, more than 40000000"} */
    public InvalidImageException(String message) {
        super(message);
    }
}
