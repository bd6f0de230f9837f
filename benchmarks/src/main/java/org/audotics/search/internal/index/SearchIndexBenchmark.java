package org.audotics.search.internal.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.AlbumRef;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.Track;
import org.audotics.search.api.SearchQuery;
import org.audotics.search.api.SearchType;

/**
 * The search index's build time and query latency, outside OSGi, with the bundle's own analyzer, documents,
 * query translation and index: N generated tracks (names of 1–4 words from a 20 000-word vocabulary, N/20
 * artists, N/10 albums, years 1950–2025, popularity 0–100), indexed as a rebuild does (tracks, then artists
 * and albums, one commit), then 2 000 queries of each kind against tracks, limit 20, one thread:
 * prefix (a word and the first 3 letters of the next, as while typing), fuzzy (a word with one letter
 * replaced), filtered ({@code word artist:word year:1990-1999}).
 *
 * <pre>benchmarks/search-index.sh [tracks] [heap]</pre> (compiles this class against the bundle jars and runs it)
 */
public final class SearchIndexBenchmark {

    private static final int QUERIES = 2_000;
    private static final int WARM_UP = 500;

    private SearchIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(42);
        String[] words = new String[20_000];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(random);
        }
        IntFunction<String> name = count -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < count; i++) {
                b.append(i == 0 ? "" : " ").append(capitalised(words[random.nextInt(words.length)]));
            }
            return b.toString();
        };
        List<Artist> artists = new ArrayList<>();
        for (int i = 0; i < Math.max(1, n / 20); i++) {
            artists.add(new Artist("ar" + i, "x-ar" + i, name.apply(1 + random.nextInt(2)), List.of("genre" + random.nextInt(50)), random.nextInt(101)));
        }
        Map<String, Album> albums = new LinkedHashMap<>();
        for (int i = 0; i < Math.max(1, n / 10); i++) {
            Artist artist = artists.get(random.nextInt(artists.size()));
            String date = LocalDate.of(1950 + random.nextInt(76), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
            albums.put("al" + i, new Album("al" + i, "x-al" + i, name.apply(1 + random.nextInt(3)), Album.TYPE_ALBUM, List.of(artist.ref()),
                    date, 10, artist.genres(), null, random.nextInt(101)));
        }
        List<Album> albumList = List.copyOf(albums.values());
        List<Track> tracks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Album album = albumList.get(random.nextInt(albumList.size()));
            AlbumRef ref = album.ref();
            List<ArtistRef> credited = album.artists();
            tracks.add(new Track(String.format(Locale.ROOT, "t%08d", i), "x" + i, name.apply(1 + random.nextInt(4)), credited, ref, album.genres(),
                    random.nextInt(101), 200_000, false, 1, 1, null));
        }

        Path folder = Files.createTempDirectory("audotics-search-bench");
        Analyzer analyzer = SearchAnalyzer.create();
        SearchDocuments documents = new SearchDocuments(analyzer);
        QueryTranslator translator = new QueryTranslator(analyzer);
        try (LuceneIndex index = LuceneIndex.open(folder, analyzer)) {
            long started = System.nanoTime();
            index.clear();
            List<Document> batch = new ArrayList<>(2_000);
            for (Track track : tracks) {
                batch.add(documents.track(track));
                if (batch.size() == 2_000) {
                    index.add(batch);
                    batch.clear();
                }
            }
            for (Artist artist : artists) {
                batch.add(documents.artist(artist));
            }
            for (Album album : albumList) {
                batch.add(documents.album(album));
            }
            index.add(batch);
            index.commitBuild(1L);
            double buildSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "index: %d tracks, %d artists, %d albums built in %.1f s (%d documents, %.0f MB on disk)%n",
                    n, artists.size(), albumList.size(), buildSeconds, index.size(), folderSize(folder) / 1e6);

            LocalDate today = LocalDate.now();
            Random pick = new Random(7);
            measure("prefix", index, translator, today, () -> {
                String[] nameWords = tracks.get(pick.nextInt(n)).name().split(" ");
                String next = words[pick.nextInt(words.length)];
                return nameWords[0] + " " + next.substring(0, 3);
            });
            measure("prefix, 1 letter", index, translator, today, () -> words[pick.nextInt(words.length)].substring(0, 1));
            measure("fuzzy", index, translator, today, () -> {
                char[] word = tracks.get(pick.nextInt(n)).name().split(" ")[0].toLowerCase(Locale.ROOT).toCharArray();
                word[1 + pick.nextInt(word.length - 1)] = (char) ('a' + pick.nextInt(26));
                return new String(word);
            });
            measure("filtered", index, translator, today, () -> {
                Track track = tracks.get(pick.nextInt(n));
                return track.name().split(" ")[0] + " artist:" + track.artists().get(0).name().split(" ")[0] + " year:1990-1999";
            });
        } finally {
            analyzer.close();
            try (var walk = Files.walk(folder)) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private interface QueryText {
        String next();
    }

    private static void measure(String kind, LuceneIndex index, QueryTranslator translator, LocalDate today, QueryText text) throws Exception {
        long[] nanos = new long[QUERIES];
        long found = 0;
        for (int i = -WARM_UP; i < QUERIES; i++) {
            String q = text.next();
            long started = System.nanoTime();
            var hits = index.search(translator.translate(SearchQuery.parse(q), SearchType.TRACK, today), 20, 0);
            long took = System.nanoTime() - started;
            if (i >= 0) {
                nanos[i] = took;
                found += hits.ids().isEmpty() ? 0 : 1;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-17s p50 %.2f ms  p99 %.2f ms  (%d queries, %.0f %% found something)%n", kind,
                nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 99 / 100] / 1e6, QUERIES, 100.0 * found / QUERIES);
    }

    private static String word(Random random) {
        String consonants = "bcdfghjklmnprstvz";
        String vowels = "aeiou";
        int syllables = 2 + random.nextInt(2);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            b.append(consonants.charAt(random.nextInt(consonants.length()))).append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return b.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static long folderSize(Path folder) throws Exception {
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
