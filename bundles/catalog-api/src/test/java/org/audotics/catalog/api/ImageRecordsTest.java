package org.audotics.catalog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spotify's image object, a stored image's renditions, and the 1.4 constructors kept beside the new ones. */
class ImageRecordsTest {

    private static final String ID = "ab".repeat(32);

    @Test
    void anImageIsAWebUrlOrAStoredImagesPathWithOptionalDimensions() {
        assertEquals("https://i.example/a.jpg", new Image(" https://i.example/a.jpg ", null, 64).url());
        assertEquals("url must be an absolute http or https URL",
                assertThrows(InvalidFieldException.class, () -> new Image("javascript:alert(1)", null, null)).getMessage());
        assertEquals("url must be an absolute http or https URL",
                assertThrows(InvalidFieldException.class, () -> new Image("https:///no-host", null, null)).getMessage());
        assertEquals("height must be between 1 and 65535", assertThrows(InvalidFieldException.class,
                () -> new Image("https://i.example/a.jpg", 0, 1)).getMessage());
        assertEquals("images must list at most 10 images", assertThrows(InvalidFieldException.class,
                () -> new AlbumImport(null, "A", null, null, null, null, java.util.Collections.nCopies(11, new Image("http://x.example/a", 1, 1))))
                .getMessage());
    }

    @Test
    void storedRenditionsResolveAgainstTheApiBaseAndOthersStayAsTheyAre() {
        URI base = URI.create("https://music.example:8443/v1/");
        assertEquals("https://music.example:8443/v1/images/" + ID + "?size=64",
                new Image("images/" + ID + "?size=64", 64, 64).resolve(base).url());
        Image external = new Image("https://i.scdn.co/image/x", 640, 640);
        assertEquals(external, external.resolve(base));
    }

    @Test
    void renditionsFitTheLongerSideAndAreNeverEnlarged() {
        StoredImage tall = new StoredImage(ID, "image/png", 500, 1000);
        assertEquals(List.of(new Image("images/" + ID + "?size=640", 640, 320), new Image("images/" + ID + "?size=300", 300, 150),
                new Image("images/" + ID + "?size=64", 64, 32)), tall.renditions());
        StoredImage tiny = new StoredImage(ID, "image/gif", 40, 20);
        assertEquals(List.of(new Image("images/" + ID + "?size=640", 20, 40)), tiny.renditions());
        assertThrows(IllegalArgumentException.class, () -> new StoredImage(ID.toUpperCase(), "image/png", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new StoredImage(ID, "image/webp", 1, 1));
    }

    @Test
    void recordsKeepTheirOlderConstructors() {
        assertNull(new AlbumImport("x", "A", "2001", null, null, null).images(), "not given");
        assertNull(new ArtistImport(null, "B").images());
        assertEquals(List.of(), new Album("1", "x", "A", "album", List.of(), null, 0, List.of(), null, 0).images());
        assertEquals(List.of(), new Artist("1", "x", "B", List.of(), 0).images());
        assertEquals(List.of(), new AlbumRef("1", "A", null, 0, "album", List.of()).images());
    }
}
