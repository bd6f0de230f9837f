package org.audotics.search.internal;

import static org.audotics.search.internal.InMemoryCatalog.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.search.api.SearchHits;
import org.audotics.search.api.SearchQuery;
import org.audotics.search.api.SearchRequest;
import org.audotics.search.api.SearchType;
import org.audotics.search.api.SearchUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.event.Event;

class LuceneSearchServiceTest {

    /** 2026-12-01 noon UTC: tag:new reaches back to 2026-11-17. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    /** Long enough for the tests' events, posted by hand just after each write, to come first. */
    private static final Duration GAP_GRACE = Duration.ofMillis(500);

    @TempDir
    Path folder;
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private LuceneSearchService service;

    @BeforeEach
    void catalog() {
        catalog.put(track("t01", "Enter Sandman", "Metallica", "Metallica", "1991-08-12", 80, "metal"));
        catalog.put(track("t02", "One", "Metallica", "...And Justice for All", "1988-09-07", 70, "metal"));
        catalog.put(track("t03", "Get Lucky", "Daft Punk", "Random Access Memories", "2013-05-17", 85, "house", "disco"));
        catalog.put(track("t04", "One More Time", "Daft Punk", "Discovery", "2001-03-12", 90, "house"));
        catalog.put(track("t05", "Halo", "Beyoncé", "I Am... Sasha Fierce", "2008-11-12", 88, "pop"));
        catalog.put(track("t06", "Crazy in Love", "Beyoncé", "Dangerously in Love", "2003", 86, "pop", "r&b"));
        catalog.put(track("t07", "Sandman", "Hippo Campus", "Bambi", "2018-06", 40, "indie"));
        catalog.put(track("t08", "Metalica", "Tribute Kids", "Covers", "1995-02-02", 5, "metal"));
        catalog.put(track("t09", "Fresh", "New Band", "Fresh Album", "2026-11-25", 10, "pop"));
        catalog.put(track("t10", "Stale", "Old Band", "Old Album", "2026-11-10", 10, "pop"));
        catalog.put(track("t11", "Hello", "Quiet Singer", "Hello", "1999-01-01", 10, "pop"));
        catalog.put(track("t12", "Hello", "Loud Singer", "Hi", "1999-01-01", 60, "pop"));
        catalog.artistPopularity("Metallica", 83);
        catalog.artistPopularity("Tribute Kids", 2);
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.deactivate();
        }
    }

    private LuceneSearchService started() {
        service = new LuceneSearchService(catalog, folder, Duration.ofMillis(50), Duration.ofMillis(10), GAP_GRACE, CLOCK);
        waitFor(() -> service.indexer() != null && service.indexer().buildsFinished() > 0);
        return service;
    }

    static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private SearchHits hits(String q, SearchType type) {
        return service.search(new SearchRequest(SearchQuery.parse(q), Set.of(type), 50, 0)).of(type);
    }

    private List<String> tracks(String q) {
        return hits(q, SearchType.TRACK).ids();
    }

    @Test
    void typosAccentsAndPrefixesFindTheArtist() {
        started();
        assertEquals("ar-" + InMemoryCatalog.slug("Metallica"), hits("metalica", SearchType.ARTIST).ids().get(0));
        assertEquals("ar-" + InMemoryCatalog.slug("Daft Punk"), hits("daft pun", SearchType.ARTIST).ids().get(0));
        assertEquals(List.of("ar-" + InMemoryCatalog.slug("Beyoncé")), hits("beyonce", SearchType.ARTIST).ids());
        assertEquals(List.of("ar-" + InMemoryCatalog.slug("Beyoncé")), hits("BEYONCÉ", SearchType.ARTIST).ids());
        assertEquals(List.of("t03"), tracks("get luc"));
        assertEquals(List.of("t01", "t07"), tracks("sandm"));
    }

    @Test
    void exactMatchesRankBeforePrefixesAndTypos() {
        started();
        // "metalica": the track named exactly so first, then Metallica's tracks by a typo in their artist
        assertEquals(List.of("t08", "t01", "t02"), tracks("metalica"));
        // "sandman": the track named exactly so before the one whose name only contains the word
        assertEquals(List.of("t07", "t01"), tracks("sandman"));
        // artists: the exact name first although the typo match is far more popular
        assertEquals(List.of("ar-" + InMemoryCatalog.slug("Metallica")), hits("metallica", SearchType.ARTIST).ids().subList(0, 1));
    }

    @Test
    void popularFirstAmongEqualMatches() {
        started();
        assertEquals(List.of("t12", "t11"), tracks("hello"));
        assertEquals(List.of("t04", "t03"), tracks("daft punk"));
    }

    @Test
    void fieldFiltersRestrictEachType() {
        started();
        assertEquals(List.of("t04", "t03"), tracks("artist:\"daft punk\""));
        assertEquals(List.of("t04"), tracks("one artist:daft"));
        assertEquals(List.of("t02"), tracks("track:one artist:metallica"));
        assertEquals(List.of("t01"), tracks("album:metallica"));
        assertEquals(List.of("t03"), tracks("genre:disco"));
        assertEquals(List.of("t01"), tracks("year:1991"));
        assertEquals(List.of("t01", "t12", "t11", "t08"), tracks("year:1990-1999"));
        assertEquals(List.of("t06"), tracks("beyonce year:2000-2005"));
        assertEquals(List.of(), hits("track:one", SearchType.ARTIST).ids(), "track: applies to tracks only");
        assertEquals(List.of("ar-" + InMemoryCatalog.slug("Metallica")), hits("artist:metallica", SearchType.ARTIST).ids());
        assertEquals(List.of("al-" + InMemoryCatalog.slug("Discovery")), hits("artist:daft year:2001", SearchType.ALBUM).ids());
    }

    @Test
    void tagNewIsAlbumsWithAFullReleaseDateInTheLastTwoWeeks() {
        started();
        assertEquals(List.of("al-" + InMemoryCatalog.slug("Fresh Album")), hits("tag:new", SearchType.ALBUM).ids());
        assertEquals(List.of(), tracks("tag:new"), "tag:new applies to albums only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "?", "~", ":", "\"", "(", "*?~:\"(", "a:b", "AND OR NOT", "[]{}^\\/", "𝄞🎵", "\u0000"})
    void syntaxCharactersNeverFail(String q) {
        started();
        for (SearchType type : SearchType.values()) {
            hits(q, type);
        }
        assertEquals(List.of(), tracks("*?~:\"("));
    }

    @Test
    void totalsCountEveryMatchAndPagesFollowTheRanking() {
        started();
        assertEquals(12, hits("year:0-9999", SearchType.TRACK).total());
        SearchHits page = service.search(new SearchRequest(SearchQuery.parse("pop"), Set.of(SearchType.TRACK), 0, 0)).of(SearchType.TRACK);
        assertEquals(List.of(), page.ids());
        List<String> all = tracks("genre:pop");
        assertEquals(6, all.size());
        List<String> second = service.search(new SearchRequest(SearchQuery.parse("genre:pop"), Set.of(SearchType.TRACK), 2, 2)).of(SearchType.TRACK).ids();
        assertEquals(all.subList(2, 4), second);
        assertTrue(service.search(new SearchRequest(SearchQuery.parse("x"), Set.of(SearchType.PLAYLIST), 20, 0)).of(SearchType.PLAYLIST).ids().isEmpty());
    }

    /** A change event as the catalog posts it after a write: the write's ids and the revision it set. */
    private void event(String topic, String... ids) {
        service.handleEvent(new Event(topic, Map.of(CatalogEvents.IDS, ids, CatalogEvents.REVISION, catalog.revision())));
    }

    private String artist(String name) {
        return "ar-" + InMemoryCatalog.slug(name);
    }

    private String album(String name) {
        return "al-" + InMemoryCatalog.slug(name);
    }

    @Test
    void trackEventsPatchTheIndexByIdWithoutARebuild() {
        started();
        long builds = service.indexer().buildsFinished();
        assertEquals(List.of(), tracks("nothing else matters"));
        catalog.put(track("t20", "Nothing Else Matters", "Metallica", "Metallica", "1991-08-12", 75, "metal"));
        event(CatalogEvents.TRACK_CREATED, "t20");
        waitFor(() -> tracks("nothing else matters").equals(List.of("t20")));

        catalog.put(track("t20", "Wherever I May Roam", "Metallica", "Metallica", "1991-08-12", 75, "metal"));
        event(CatalogEvents.TRACK_UPDATED, "t20");
        waitFor(() -> tracks("wherever roam").equals(List.of("t20")));
        assertEquals(List.of(), tracks("nothing else matters"), "the old name is gone with the old document");

        catalog.remove("t20");
        event(CatalogEvents.TRACK_DELETED, "t20");
        waitFor(() -> tracks("wherever roam").isEmpty());
        // the counters move just after a patch's commit is visible to searches: wait for them, don't read them at once
        waitFor(() -> service.indexer().patchesApplied() >= 3 && service.indexer().coveredRevision() == catalog.revision());
        assertEquals(builds, service.indexer().buildsFinished(), "patched, never rebuilt");
    }

    @Test
    void artistAndAlbumEventsPatchTheirOwnDocuments() {
        started();
        long builds = service.indexer().buildsFinished();
        catalog.put(track("t30", "Around the World", "Daft Punk", "Homework", "1997-01-20", 70, "house"));
        event(CatalogEvents.TRACK_CREATED, "t30");
        event(CatalogEvents.ALBUM_CREATED, album("Homework"));
        event(CatalogEvents.ARTIST_UPDATED, artist("Daft Punk"));
        waitFor(() -> hits("homework", SearchType.ALBUM).ids().equals(List.of(album("Homework"))));
        assertEquals(List.of("t30"), tracks("around the world"));

        // an artist's popularity (its own document) moves with its own event: it breaks the tie between equal matches
        catalog.putWithoutRevision(track("t50", "Song A", "Echo Band", "Echo A", "2020", 1, "x"));
        catalog.putWithoutRevision(track("t51", "Song B", "Echo Crew", "Echo B", "2020", 1, "x"));
        catalog.bumpRevision();
        event(CatalogEvents.TRACK_CREATED, "t50", "t51");
        event(CatalogEvents.ARTIST_CREATED, artist("Echo Band"), artist("Echo Crew"));
        waitFor(() -> hits("echo", SearchType.ARTIST).ids().size() == 2);
        String second = hits("echo", SearchType.ARTIST).ids().get(1);
        catalog.artistPopularity(second.equals(artist("Echo Band")) ? "Echo Band" : "Echo Crew", 99);
        event(CatalogEvents.ARTIST_UPDATED, second);
        waitFor(() -> hits("echo", SearchType.ARTIST).ids().get(0).equals(second));

        // every track of an artist and album deleted: their documents leave with their events
        catalog.remove("t30");
        event(CatalogEvents.TRACK_DELETED, "t30");
        event(CatalogEvents.ALBUM_DELETED, album("Homework"));
        waitFor(() -> hits("homework", SearchType.ALBUM).ids().isEmpty() && tracks("around the world").isEmpty());
        catalog.remove("t07");
        event(CatalogEvents.TRACK_DELETED, "t07");
        event(CatalogEvents.ARTIST_DELETED, artist("Hippo Campus"));
        waitFor(() -> hits("hippo campus", SearchType.ARTIST).ids().isEmpty());
        assertEquals(builds, service.indexer().buildsFinished(), "patched, never rebuilt");
    }

    @Test
    void oneEventOfManyIdsIsReadBackInPagesOfAHundred() {
        started();
        long builds = service.indexer().buildsFinished();
        String[] ids = new String[250];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.format("b%03d", i);
            catalog.putWithoutRevision(track(ids[i], "Bulkword " + i, "Bulk Band", "Bulk Album", "2020-01-01", i % 100, "bulk"));
        }
        catalog.bumpRevision();
        event(CatalogEvents.TRACK_CREATED, ids);
        waitFor(() -> hits("bulkword", SearchType.TRACK).total() == 250);
        assertEquals(builds, service.indexer().buildsFinished());
    }

    @Test
    void aWriteWhoseEventsNeverComeRebuildsAfterTheGapGrace() {
        started();
        long builds = service.indexer().buildsFinished();
        // another node imported and its events were lost (pub/sub is fire-and-forget)
        catalog.put(track("t21", "Wherever I May Roam", "Metallica", "Metallica", "1991-08-12", 65, "metal"));
        waitFor(() -> service.indexer().buildsFinished() > builds && tracks("wherever roam").equals(List.of("t21")));
        assertEquals(catalog.revision(), service.indexer().coveredRevision());
    }

    @Test
    void eventsArrivingOutOfOrderWithinTheGraceRebuildNothing() throws Exception {
        started();
        long builds = service.indexer().buildsFinished();
        long before = catalog.revision();
        catalog.put(track("t40", "First Write", "Order Band", "Order Album", "2020", 1, "x"));
        catalog.put(track("t41", "Second Write", "Order Band", "Order Album", "2020", 1, "x"));
        // the second write's event comes first; the first's a moment later, as from two nodes
        service.handleEvent(new Event(CatalogEvents.TRACK_CREATED, Map.of(CatalogEvents.IDS, new String[] {"t41"}, CatalogEvents.REVISION, before + 2)));
        Thread.sleep(200);
        assertEquals(before, service.indexer().coveredRevision(), "a gap before revision " + (before + 2));
        service.handleEvent(new Event(CatalogEvents.TRACK_CREATED, Map.of(CatalogEvents.IDS, new String[] {"t40"}, CatalogEvents.REVISION, before + 1)));
        waitFor(() -> tracks("write").size() == 2);
        assertEquals(before + 2, service.indexer().coveredRevision());
        Thread.sleep(GAP_GRACE.toMillis() + 200);
        assertEquals(builds, service.indexer().buildsFinished(), "the gap closed within the grace");
    }

    @Test
    void aPatchedIndexOutlivesARestartWithoutARebuild() throws Exception {
        started();
        catalog.put(track("t22", "The Memory Remains", "Metallica", "Reload", "1997-11-18", 60, "metal"));
        event(CatalogEvents.TRACK_CREATED, "t22");
        waitFor(() -> service.indexer().patchesApplied() > 0 && tracks("memory remains").equals(List.of("t22")));
        service.deactivate();
        int reads = catalog.pageReads.get();
        service = new LuceneSearchService(catalog, folder, Duration.ofMillis(50), Duration.ofMillis(10), GAP_GRACE, CLOCK);
        waitFor(() -> service.indexer() != null && service.indexer().ready());
        Thread.sleep(200); // a few revision checks
        assertEquals(List.of("t22"), tracks("memory remains"));
        assertEquals(0, service.indexer().buildsFinished(), "the index on disk covered the catalog's revision");
        assertEquals(reads, catalog.pageReads.get());
    }

    @Test
    void aWriteWhileTheNodeWasDownRebuildsAtStart() throws Exception {
        started();
        service.deactivate();
        catalog.put(track("t23", "Fuel", "Metallica", "Reload", "1997-11-18", 60, "metal"));
        service = new LuceneSearchService(catalog, folder, Duration.ofMillis(50), Duration.ofMillis(10), Duration.ofHours(1), CLOCK);
        waitFor(() -> service.indexer() != null && service.indexer().buildsFinished() == 1);
        assertEquals(List.of("t23"), tracks("fuel"));
    }

    @Test
    void oldTopicsAndEventsWithoutIdsChangeNothing() throws Exception {
        started();
        catalog.putWithoutRevision(track("t24", "Unheard", "Metallica", "Reload", "1997-11-18", 60, "metal"));
        service.handleEvent(new Event(CatalogEvents.TRACKS_IMPORTED, Map.of(CatalogEvents.TRACK_IDS, new String[] {"t24"})));
        service.handleEvent(new Event(CatalogEvents.TRACK_CREATED, Map.of(CatalogEvents.REVISION, catalog.revision())));
        Thread.sleep(200);
        assertEquals(0, service.indexer().patchesApplied());
        assertEquals(List.of(), tracks("unheard"));
    }

    @Test
    void reindexRebuildsOnDemandAndTheIndexOutlivesARestart() throws Exception {
        started();
        long builds = service.indexer().buildsFinished();
        service.reindex();
        waitFor(() -> service.indexer().buildsFinished() > builds);
        service.deactivate();
        int reads = catalog.pageReads.get();
        service = new LuceneSearchService(catalog, folder, Duration.ofMillis(50), Duration.ofMillis(10), GAP_GRACE, CLOCK);
        waitFor(() -> service.indexer() != null && service.indexer().ready());
        assertEquals(List.of("t05"), tracks("halo"));
        assertEquals(0, service.indexer().buildsFinished(), "the index on disk was at the catalog's revision");
        assertEquals(reads, catalog.pageReads.get());
    }

    @Test
    void unavailableUntilTheFirstBuildAndReadyAfter() {
        catalog.down(true);
        service = new LuceneSearchService(catalog, folder, Duration.ofMillis(50), Duration.ofMillis(10), GAP_GRACE, CLOCK);
        waitFor(() -> service.indexer() != null);
        assertTrue(service.check().up(), "a first build keeps no node out of service");
        assertTrue(service.check().detail().startsWith("building the first search index"), service.check().detail());
        assertThrows(SearchUnavailableException.class, () -> tracks("halo"));
        catalog.down(false);
        waitFor(() -> service.indexer().ready());
        assertEquals(List.of("t05"), tracks("halo"));
        assertTrue(service.check().detail().startsWith("search index built at catalog revision " + catalog.revision() + ", events up to "
                + catalog.revision()), service.check().detail());
    }
}
