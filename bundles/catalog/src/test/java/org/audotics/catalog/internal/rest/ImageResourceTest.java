package org.audotics.catalog.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import javax.imageio.ImageIO;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.Variant;
import org.audotics.catalog.api.CatalogImages;
import org.audotics.catalog.api.StoredImage;
import org.audotics.catalog.internal.TestCatalogs;
import org.audotics.catalog.internal.images.ImageDecoder;
import org.audotics.catalog.internal.images.ImageRenditions;
import org.audotics.catalog.internal.images.RenditionCache;
import org.audotics.catalog.internal.images.TestImages;
import org.audotics.http.api.ApiException;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /v1/images/{id}: sizes, headers, the rendition cache, and the 400 and 404 answers. */
class ImageResourceTest {

    /** A request without preconditions (no If-None-Match). */
    private static final Request PLAIN = new Request() {
        public String getMethod() { return "GET"; }
        public Variant selectVariant(List<Variant> variants) { return null; }
        public Response.ResponseBuilder evaluatePreconditions(EntityTag tag) { return null; }
        public Response.ResponseBuilder evaluatePreconditions(Date modified) { return null; }
        public Response.ResponseBuilder evaluatePreconditions(Date modified, EntityTag tag) { return null; }
        public Response.ResponseBuilder evaluatePreconditions() { return null; }
    };

    @TempDir
    Path data;

    private PooledDatabase database;
    private CatalogImages images;
    private ImageResource resource;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data.resolve("db"));
        images = (CatalogImages) TestCatalogs.over(database);
        resource = new ImageResource(images, new ImageRenditions(new ImageDecoder(40_000_000)), new RenditionCache(data.resolve("cache")), 1);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void servesEachSizeWithItsTypeAStrongTagAndAYearOfCaching() throws Exception {
        StoredImage stored = images.store(TestImages.jpeg(1200, 600));
        for (int size : new int[] {640, 300, 64}) {
            Response answer = resource.image(stored.id(), Integer.toString(size), PLAIN);
            assertEquals(200, answer.getStatus());
            assertEquals("image/jpeg", answer.getMediaType().toString());
            assertEquals(new EntityTag(stored.id() + "-" + size), answer.getEntityTag());
            assertEquals("public, max-age=31536000, immutable", answer.getHeaderString(HttpHeaders.CACHE_CONTROL));
            BufferedImage served = ImageIO.read(new ByteArrayInputStream((byte[]) answer.getEntity()));
            assertEquals(size, served.getWidth());
            assertEquals(size / 2, served.getHeight());
        }
        BufferedImage largest = ImageIO.read(new ByteArrayInputStream((byte[]) resource.image(stored.id(), null, PLAIN).getEntity()));
        assertEquals(640, largest.getWidth(), "no size: the largest");
    }

    @Test
    void aRenditionIsMadeOnceAndThenServedFromDisk() throws Exception {
        StoredImage stored = images.store(TestImages.png(500, 500, true));
        byte[] first = (byte[]) resource.image(stored.id(), "300", PLAIN).getEntity();
        Path kept = data.resolve("cache").resolve(stored.id() + "-300.png");
        assertTrue(Files.isRegularFile(kept));
        database.close(); // the second answer needs no database
        Response again = resource.image(stored.id(), "300", PLAIN);
        assertEquals("image/png", again.getMediaType().toString());
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString((byte[]) again.getEntity()));
    }

    @Test
    void badIdsAndSizesAre400AndUnknownImages404() {
        StoredImage stored = images.store(TestImages.jpeg(100, 100));
        for (String size : new String[] {"100", "abc", "", "640 ", "+64", "0640", "-1"}) {
            ApiException bad = assertThrows(ApiException.class, () -> resource.image(stored.id(), size, PLAIN), size);
            assertEquals(400, bad.status());
            assertEquals("size must be one of 640, 300, 64", bad.getMessage());
        }
        for (String id : new String[] {"abc", stored.id().toUpperCase(), "../" + stored.id().substring(3), stored.id() + "0"}) {
            ApiException bad = assertThrows(ApiException.class, () -> resource.image(id, "64", PLAIN), id);
            assertEquals(400, bad.status());
        }
        ApiException unknown = assertThrows(ApiException.class, () -> resource.image("0".repeat(64), "64", PLAIN));
        assertEquals(404, unknown.status());
        assertEquals("no image with id '" + "0".repeat(64) + "'", unknown.getMessage());
    }
}
