package org.audotics.catalog.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * An image of an album or artist in Spotify's shape ({@code {"url", "height", "width"}}).
 *
 * <p>Either a reference to an image elsewhere, kept as imported (the server never fetches it), or one of the
 * renditions of an image stored by this server ({@link CatalogImages}), whose {@code url} is relative to the API
 * base ({@code images/<id>?size=640}): {@link #resolve} turns it into this server's absolute URL, and leaves an
 * absolute one as it is.
 *
 * @param url    an absolute {@code http} or {@code https} URL, or {@code images/...} relative to the API base; at
 *               most {@value #MAX_URL_CHARS} characters
 * @param height in pixels, 1..{@value #MAX_DIMENSION}, or null when not known (Spotify allows null)
 * @param width  in pixels, 1..{@value #MAX_DIMENSION}, or null when not known
 * @since 1.5
 */
public record Image(String url, Integer height, Integer width) {

    /** The longest URL kept. */
    public static final int MAX_URL_CHARS = 2_000;
    /** The largest height or width an image may state. */
    public static final int MAX_DIMENSION = 65_535;
    /** Images an album or artist holds at most. */
    public static final int MAX_IMAGES = 10;
    /** Where this server's stored images are, relative to the API base. */
    public static final String STORED_PREFIX = "images/";

    public Image {
        url = FieldChecks.required("url", url, MAX_URL_CHARS);
        if (!url.startsWith(STORED_PREFIX) && !isAbsoluteWebUrl(url)) {
            throw new InvalidFieldException("url", "must be an absolute http or https URL");
        }
        if (height != null) {
            FieldChecks.between("height", height, 1, MAX_DIMENSION);
        }
        if (width != null) {
            FieldChecks.between("width", width, 1, MAX_DIMENSION);
        }
    }

    /**
     * Checks a list of images as an import gives it.
     *
     * @return an unmodifiable copy, or null for null ("not given")
     * @throws InvalidFieldException naming {@code images} when there are more than {@value #MAX_IMAGES}
     */
    static List<Image> checkList(List<Image> images) {
        if (images == null) {
            return null;
        }
        if (images.size() > MAX_IMAGES) {
            throw new InvalidFieldException("images", "must list at most " + MAX_IMAGES + " images");
        }
        return List.copyOf(images);
    }

    /** This image with an absolute URL: a stored image's URL resolved against the API base, others as they are. */
    public Image resolve(URI apiBase) {
        return url.startsWith(STORED_PREFIX) ? new Image(apiBase.resolve(url).toString(), height, width) : this;
    }

    /** An absolute {@code http}/{@code https} URL with a host, as an import must give it. */
    public static boolean isAbsoluteWebUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
