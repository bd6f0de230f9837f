package org.audotics.catalog.internal.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import org.audotics.catalog.api.CatalogImages;
import org.audotics.catalog.api.StoredImage;
import org.audotics.catalog.internal.CatalogConfig;
import org.audotics.catalog.internal.images.ImageDecoder;
import org.audotics.catalog.internal.images.ImageRenditions;
import org.audotics.catalog.internal.images.RenditionCache;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/images/{id}?size=640|300|64}: a stored image (an album cover found by a folder scan) at one of
 * the sizes Spotify serves, made from the original on first request and then kept on this node's disk
 * ({@link RenditionCache}).
 *
 * <p>Public ({@code @PermitAll}): an app's {@code <img src>} cannot send a bearer token, and Spotify's own image
 * URLs are public too. What this gives away is small: an id is the SHA-256 of the image's bytes, unguessable
 * without the image itself, and reached only through the album objects that need a token. A rendition never
 * changes (its id names its bytes), so it carries a strong {@code ETag} and may be cached for a year.
 */
@RestResource
@Component(service = ImageResource.class, configurationPid = CatalogConfig.PID)
@javax.ws.rs.Path("images")
public final class ImageResource {

    private static final Logger LOG = LoggerFactory.getLogger(ImageResource.class);
    /** Renditions never change: caches may keep them a year without asking again. */
    static final String FOREVER = "public, max-age=31536000, immutable";

    private final CatalogImages images;
    private final ImageRenditions renditions;
    private final RenditionCache cached;
    /** Each resize decodes an image: a burst of first requests waits here rather than filling the heap. */
    private final Semaphore resizes;

    @Activate
    public ImageResource(@Reference CatalogImages images, CatalogConfig config) {
        this(images, new ImageRenditions(new ImageDecoder(Math.max(1, config.image_max_pixels()))),
                new RenditionCache(config.image_cache_folder().isBlank()
                        ? Path.of(System.getProperty("karaf.data", "data")).resolve("audotics").resolve("image-cache")
                        : Path.of(config.image_cache_folder())),
                Math.max(1, config.image_max_concurrent_resizes()));
    }

    ImageResource(CatalogImages images, ImageRenditions renditions, RenditionCache cached, int concurrentResizes) {
        this.images = images;
        this.renditions = renditions;
        this.cached = cached;
        this.resizes = new Semaphore(concurrentResizes);
    }

    @GET
    @PermitAll
    @javax.ws.rs.Path("{id}")
    public Response image(@PathParam("id") String id, @QueryParam("size") String size, @Context Request request) throws IOException {
        if (!StoredImage.isWellFormedId(id)) {
            throw ApiException.invalidParameter("id must be an image id: 64 lower-case hexadecimal digits");
        }
        int pixels = size(size);
        EntityTag tag = new EntityTag(id + "-" + pixels);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.header(HttpHeaders.CACHE_CONTROL, FOREVER).build();
        }
        Optional<RenditionCache.Cached> kept = cached.find(id, pixels);
        if (kept.isPresent()) {
            return answer(Files.readAllBytes(kept.get().file()), kept.get().mediaType(), tag);
        }
        StoredImage image = images.image(id).orElseThrow(() -> ApiException.notFound("no image with id '" + id + "'"));
        ImageRenditions.Rendition rendition = render(image, pixels);
        cached.put(id, pixels, rendition);
        return answer(rendition.data(), rendition.mediaType(), tag);
    }

    private ImageRenditions.Rendition render(StoredImage image, int size) {
        try {
            resizes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("the server is stopping");
        }
        try {
            byte[] original = images.originalBytes(image.id()).orElseThrow(() -> ApiException.notFound("no image with id '" + image.id() + "'"));
            long started = System.nanoTime();
            ImageRenditions.Rendition rendition = renditions.render(original, image, size);
            LOG.debug("Image {} resized to {} in {} ms", image.id(), size, (System.nanoTime() - started) / 1_000_000);
            return rendition;
        } finally {
            resizes.release();
        }
    }

    private static Response answer(byte[] data, String mediaType, EntityTag tag) {
        return Response.ok(data, mediaType).tag(tag).header(HttpHeaders.CACHE_CONTROL, FOREVER).build();
    }

    /** {@code size}: absent means the largest; otherwise exactly one of the served sizes. */
    static int size(String size) {
        if (size == null) {
            return StoredImage.SIZES.get(0);
        }
        for (int served : StoredImage.SIZES) {
            if (Integer.toString(served).equals(size)) {
                return served;
            }
        }
        throw ApiException.invalidParameter("size must be one of 640, 300, 64");
    }
}
