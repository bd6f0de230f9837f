package org.audotics.catalog.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.audotics.catalog.api.Artist;
import org.junit.jupiter.api.Test;

/** The related-artists rule: co-listened first, topped up from the genre ranking, no self, no duplicates, at most 20. */
class RelatedArtistsMergeTest {

    private static Artist artist(String id) {
        return new Artist(id, "x-" + id, "Artist " + id);
    }

    private static Map<String, Artist> known(String... ids) {
        return List.of(ids).stream().map(RelatedArtistsMergeTest::artist).collect(Collectors.toMap(Artist::id, Function.identity()));
    }

    private static List<String> ids(List<Artist> artists) {
        return artists.stream().map(Artist::id).toList();
    }

    @Test
    void coListenedArtistsComeFirstAndTheGenreRankingTopsUpWithoutDuplicates() {
        List<Artist> related = RelatedArtistsMerge.listenersFirst("a", List.of("c", "b"), known("b", "c"), List.of(artist("b"), artist("d")), 20);
        assertEquals(List.of("c", "b", "d"), ids(related));
    }

    @Test
    void neverTheArtistItselfNorAnArtistTheCatalogDoesNotKnow() {
        List<Artist> related = RelatedArtistsMerge.listenersFirst("a", List.of("a", "gone", "b"), known("a", "b"), List.of(artist("a"), artist("d")), 20);
        assertEquals(List.of("b", "d"), ids(related));
    }

    @Test
    void withoutCoListenedArtistsTheGenreRankingIsUnchanged() {
        List<Artist> byGenre = List.of(artist("d"), artist("e"), artist("f"));
        assertEquals(byGenre, RelatedArtistsMerge.listenersFirst("a", List.of(), Map.of(), byGenre, 20));
    }

    @Test
    void answersAtMostTheMaximumCoListenedFirst() {
        List<String> coListened = IntStream.range(0, 25).mapToObj(i -> "c" + i).toList();
        List<Artist> related = RelatedArtistsMerge.listenersFirst("a", coListened, known(coListened.toArray(String[]::new)), List.of(artist("d")), 20);
        assertEquals(coListened.subList(0, 20), ids(related));

        List<Artist> topped = RelatedArtistsMerge.listenersFirst("a", List.of("c0"), known("c0"),
                IntStream.range(0, 30).mapToObj(i -> artist("g" + i)).toList(), 20);
        assertEquals(20, topped.size());
        assertEquals("c0", topped.get(0).id());
        assertEquals("g18", topped.get(19).id());
    }
}
