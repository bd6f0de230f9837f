package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.images.ArtworkFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Album covers through the built server on PostgreSQL and Redis: a scanned folder's cover.jpg and a file's embedded
 * art stored and served at Spotify's three sizes (public, cached, tagged), a corrupt cover skipped without failing
 * the scan, images imported by URL kept as given, and the JSON errors of the image endpoint and the import.
 */
@ExtendWith(SharedServer.class)
class CoversIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static AudoticsServer server;
    private static Path root;

    @BeforeAll
    static void server(SharedServer.Running shared) {
        server = shared.server();
        root = shared.musicRoot();
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** A WAV tagged as a tagging tool would: title, artist, album, and optionally a front cover picture. */
    private static void taggedWav(Path file, String title, String album, byte[] picture) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, AudioPipelineIT.clickTrack(120, 3));
        AudioFile audio = AudioFileIO.read(file.toFile());
        Tag tag = audio.getTagOrCreateAndSetDefault();
        tag.setField(FieldKey.TITLE, title);
        tag.setField(FieldKey.ARTIST, "Coverit " + RUN);
        tag.setField(FieldKey.ALBUM, album);
        if (picture != null) {
            Artwork artwork = ArtworkFactory.getNew();
            artwork.setBinaryData(picture);
            artwork.setMimeType("image/jpeg");
            artwork.setPictureType(3);
            tag.setField(artwork);
        }
        audio.commit();
    }

    private static HttpAnswer scan(Path folder) throws Exception {
        HttpAnswer started = server.send(HttpRequest.newBuilder(server.uri("/v1/scans")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + AudoticsServer.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"folder\": \"" + folder + "\"}")));
        assertEquals(202, started.status(), started.toString());
        String id = started.json().get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpAnswer answer;
        do {
            Thread.sleep(250);
            answer = server.get("/v1/scans/" + id);
        } while (!answer.json().get("finished").asBoolean() && System.nanoTime() < deadline);
        assertTrue(answer.json().get("finished").asBoolean(), "scan not finished: " + answer);
        return answer;
    }

    /** The album of that name, found through search (the index follows the scan's import within a second or so). */
    private static JsonNode album(String name) throws Exception {
        String query = "/v1/search?type=album&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpAnswer found = server.get(query);
            assertEquals(200, found.status(), found.toString());
            for (JsonNode item : found.json().get("albums").get("items")) {
                if (item.get("name").asText().equals(name)) {
                    HttpAnswer album = server.get("/v1/albums/" + item.get("id").asText());
                    assertEquals(200, album.status(), album.toString());
                    return album.json();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("album '" + name + "' not found by search");
    }

    private static HttpResponse<byte[]> fetch(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET(); // no token: <img src>
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The JSON types of Spotify's published OpenAPI description (ImageObject: url string, height and width integers or null). */
    private static void assertFits(String schema, JsonNode value) {
        java.util.List<String> mismatches = SpotifySchema.mismatches(schema, value);
        assertTrue(mismatches.isEmpty(), schema + " does not fit Spotify's types:\n" + String.join("\n", mismatches) + "\nin " + value);
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void aScannedFolderServesItsCoverFileAndEmbeddedArtAtThreeSizes() throws Exception {
        Path music = Files.createTempDirectory(root, "covers-it-");
        byte[] cover = jpeg(1000, 800);
        String withFile = "Cover File " + RUN;
        taggedWav(music.resolve("file").resolve("01.wav"), "One", withFile, null);
        taggedWav(music.resolve("file").resolve("02.wav"), "Two", withFile, null);
        Files.write(music.resolve("file").resolve("Cover.JPG"), cover);
        byte[] embedded = jpeg(200, 200);
        String withArt = "Embedded Art " + RUN;
        taggedWav(music.resolve("art").resolve("01.wav"), "Three", withArt, embedded);
        String broken = "Broken Cover " + RUN;
        taggedWav(music.resolve("broken").resolve("01.wav"), "Four", broken, null);
        Files.writeString(music.resolve("broken").resolve("cover.jpg"), "<html>this is no picture</html>");

        HttpAnswer done = scan(music);
        assertEquals("done", done.json().get("state").asText(), "a corrupt cover does not fail the scan: " + done);
        assertEquals(4, done.json().get("files").get("imported").asInt(), done.toString());

        JsonNode images = album(withFile).get("images");
        assertEquals(3, images.size(), images.toString());
        int[][] sizes = {{640, 640, 512}, {300, 300, 240}, {64, 64, 51}};
        String id = sha256(cover);
        for (int i = 0; i < 3; i++) {
            JsonNode image = images.get(i);
            String url = image.get("url").asText();
            assertEquals(server.uri("/v1/images/" + id + "?size=" + sizes[i][0]).toString(), url, "absolute, at this server");
            assertEquals(sizes[i][1], image.get("width").asInt());
            assertEquals(sizes[i][2], image.get("height").asInt());
            HttpResponse<byte[]> served = fetch(url, null);
            assertEquals(200, served.statusCode(), url);
            assertEquals("image/jpeg", served.headers().firstValue("Content-Type").orElse(null));
            assertEquals("public, max-age=31536000, immutable", served.headers().firstValue("Cache-Control").orElse(null));
            String etag = served.headers().firstValue("ETag").orElseThrow();
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(served.body()));
            assertEquals(sizes[i][1], decoded.getWidth(), url);
            assertEquals(sizes[i][2], decoded.getHeight(), url);
            assertEquals(304, fetch(url, etag).statusCode(), "unchanged: " + etag);
            assertEquals(200, fetch(url, null).statusCode(), "again, from this node's disk cache");
        }
        JsonNode firstTrack = album(withFile).get("tracks").get("items").get(0);
        HttpAnswer track = server.get("/v1/tracks/" + firstTrack.get("id").asText());
        assertEquals(images, track.json().get("album").get("images"), "a track's album shows the cover too");
        assertFits("AlbumObject", album(withFile));
        assertFits("TrackObject", track.json());

        JsonNode art = album(withArt).get("images");
        assertEquals(2, art.size(), "200 px: 640 is not enlarged, so it is listed once with 300's dimensions: " + art);
        assertEquals(server.uri("/v1/images/" + sha256(embedded) + "?size=640").toString(), art.get(0).get("url").asText());
        assertEquals(200, art.get(0).get("width").asInt());
        assertEquals(64, art.get(1).get("width").asInt());
        assertEquals(200, fetch(art.get(1).get("url").asText(), null).statusCode());

        assertEquals(0, album(broken).get("images").size(), "the corrupt cover was skipped");

        HttpAnswer rescan = scan(music);
        assertEquals(4, rescan.json().get("files").get("unchanged").asInt(), rescan.toString());
        assertEquals(3, album(withFile).get("images").size(), "a rescan keeps the cover");
    }

    @Test
    void badImageRequestsGetTheErrorBody() throws Exception {
        HttpAnswer size = server.getAnonymously("/v1/images/" + "a".repeat(64) + "?size=100");
        assertEquals(400, size.status(), size.toString());
        assertEquals("invalid_parameter", size.errorCode());
        assertEquals("size must be one of 640, 300, 64", size.errorMessage());
        HttpAnswer malformed = server.getAnonymously("/v1/images/not-an-image-id");
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("invalid_parameter", malformed.errorCode());
        HttpAnswer unknown = server.getAnonymously("/v1/images/" + "0".repeat(64) + "?size=64");
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("not_found", unknown.errorCode());
    }

    @Test
    void importedImagesAreKeptAsGivenAndBadOnesRefusedNamingTheField() throws Exception {
        String images = "[{\"url\":\"https://i.scdn.co/image/coversit-" + RUN + "-640\",\"height\":640,\"width\":640},"
                + "{\"url\":\"https://i.scdn.co/image/coversit-" + RUN + "-64\",\"height\":null,\"width\":null}]";
        String line = "{\"external_id\":\"coversit-" + RUN + "\",\"name\":\"Imported\",\"duration_ms\":1000,"
                + "\"artists\":[{\"external_id\":\"coversit-artist-" + RUN + "\",\"name\":\"Painter\",\"images\":" + images + "}],"
                + "\"album\":{\"external_id\":\"coversit-album-" + RUN + "\",\"name\":\"Imported Covers\",\"images\":" + images + "}}";
        HttpAnswer imported = server.importLines(line);
        assertEquals(200, imported.status(), imported.toString());
        HttpAnswer track = server.get("/v1/tracks/" + imported.json().get("tracks").get(0).get("id").asText());
        JsonNode album = server.get("/v1/albums/" + track.json().get("album").get("id").asText()).json();
        assertEquals(server.get("/v1/albums/" + album.get("id").asText()).json().get("images"), track.json().get("album").get("images"));
        assertEquals("https://i.scdn.co/image/coversit-" + RUN + "-640", album.get("images").get(0).get("url").asText());
        assertTrue(album.get("images").get(1).get("height").isNull(), "unknown dimensions stay null, as Spotify allows");
        JsonNode artist = server.get("/v1/artists/" + track.json().get("artists").get(0).get("id").asText()).json();
        assertEquals(album.get("images"), artist.get("images"));
        assertFits("AlbumObject", album);
        assertFits("ArtistObject", artist);
        assertFits("TrackObject", track.json());

        HttpAnswer bad = server.importLines(line.replace("https://i.scdn.co/image/coversit-" + RUN + "-640", "file:///etc/passwd"));
        assertEquals(400, bad.status(), bad.toString());
        assertEquals("line 1: artists[0].images[0].url must be an absolute http or https URL", bad.errorMessage());
        assertNotNull(server.get("/v1/albums/" + album.get("id").asText()).json().get("images"));
        assertEquals(album.get("images"), server.get("/v1/albums/" + album.get("id").asText()).json().get("images"), "nothing written");
    }
}
