package org.audotics.catalog.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Images stored by this server: album covers found by a folder scan (a {@code cover.jpg} beside the audio, or the
 * art embedded in a file's tags), kept in the catalog's database so every node serves them, named by the SHA-256
 * of their bytes, and served by the catalog bundle at {@code GET /v1/images/{id}?size=640|300|64}.
 * Images imported by URL are no stored images: they stay references ({@link Image}).
 *
 * <p>Provided by the catalog bundle; called by the DSP bundle's folder scan and the catalog's REST resources,
 * concurrently. Database failures surface as {@link org.audotics.storage.api.StorageException}.
 *
 * @since 1.5
 */
@ProviderType
public interface CatalogImages {

    /** The largest image {@link #store} takes, in bytes; the catalog's configuration may set a lower limit. */
    int MAX_IMAGE_BYTES = 20 * 1024 * 1024;

    /**
     * Stores an image, unless the same bytes are stored already (then this is only a lookup). Reads the format and
     * the dimensions from the header first and refuses too many pixels before decoding anything; then decodes the
     * image once (subsampled, so memory stays small) to be sure it is readable.
     *
     * @param data the image file's bytes, at most {@value #MAX_IMAGE_BYTES} (or the configured limit)
     * @return the stored image
     * @throws InvalidImageException when the bytes are no readable image, too large, or have too many pixels
     */
    StoredImage store(byte[] data);

    /**
     * Makes a stored image the album's only image, replacing the images it had (imported or stored). In one
     * transaction that bumps the {@link CatalogService#revision() revision}; once committed posts
     * {@link CatalogEvents#ALBUM_UPDATED} and {@link CatalogEvents#TRACK_UPDATED} for the album's tracks (their
     * {@code album.images} changed). Nothing is written, and nothing posted, when the album shows this image
     * already.
     *
     * @return false when there is no such album or no such stored image; nothing is written then
     */
    boolean setAlbumImage(String albumId, String imageId);

    /** @return the stored image's description, or empty when no image has this id */
    Optional<StoredImage> image(String id);

    /**
     * The original bytes of a stored image, as given to {@link #store}.
     *
     * @return the bytes (a new array on every call), or empty when no image has this id
     */
    Optional<byte[]> originalBytes(String id);
}
