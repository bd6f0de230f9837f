package org.audotics.catalog.internal.rest;

import static org.audotics.catalog.internal.store.TestTracks.features;
import static org.audotics.catalog.internal.store.TestTracks.onAlbum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.audotics.catalog.api.ArtistObject;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.internal.TestCatalogs;
import org.audotics.history.api.CoListenedArtist;
import org.audotics.history.api.HistoryService;
import org.audotics.storage.api.StorageException;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code related-artists} with and without a history: co-listened artists first, the genre ranking otherwise. */
class RelatedArtistsResourceTest {

    @TempDir
    Path data;
    private PooledDatabase database;
    private CatalogService catalog;
    private ArtistResource artists;
    private String band;
    private String solo;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        catalog = TestCatalogs.over(database);
        artists = new ArtistResource(catalog);
        List<ImportResult.ImportedTrack> tracks = catalog.importTracks(List.of(
                onAlbum("t1", "One", null, List.of("Band"), List.of("Band", "Guest"), "2021-06-01", 1, 10, List.of("rock"), features(0.5, 120)),
                onAlbum("t2", "Two", null, List.of("Solo"), List.of("Solo"), "2022-06-01", 1, 10, List.of("jazz"), features(0.1, 80)))).tracks();
        band = catalog.track(tracks.get(0).id()).orElseThrow().artists().get(0).id();
        solo = catalog.track(tracks.get(1).id()).orElseThrow().artists().get(0).id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** A history that answers only co-listened artists, with the given answer for any artist. */
    private static HistoryService history(Function<String, List<CoListenedArtist>> answer) {
        return (HistoryService) Proxy.newProxyInstance(HistoryService.class.getClassLoader(), new Class<?>[] {HistoryService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("coListenedArtists")) {
                        return answer.apply((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private List<String> relatedNames(String artistId) {
        return artists.relatedArtists(artistId, TestRequests.uri("artists/" + artistId + "/related-artists")).get("artists").stream()
                .map(ArtistObject::name).toList();
    }

    @Test
    void withoutAHistoryRelatedArtistsAreTheGenreRanking() {
        assertEquals(List.of("Guest"), relatedNames(band));
    }

    @Test
    void coListenedArtistsTheCatalogKnowsComeFirstThenTheGenreRanking() {
        artists.history = history(id -> List.of(new CoListenedArtist(solo, 0.9, 3), new CoListenedArtist("gone", 0.8, 3),
                new CoListenedArtist(band, 0.7, 2)));
        assertEquals(List.of("Solo", "Guest"), relatedNames(band));
    }

    @Test
    void anUnavailableHistoryFallsBackToTheGenreRanking() {
        artists.history = history(id -> {
            throw new StorageException("down", StorageException.Reason.UNAVAILABLE, null);
        });
        assertEquals(List.of("Guest"), relatedNames(band));
    }
}
