package org.audotics.recommendation.internal;

import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;

/** A catalog over a fixed map of tracks, answering only the lookups the recommendation service makes. */
public final class TestCatalog {

    private TestCatalog() {
    }

    public static Track track(String id, String genre, double energy, String... artists) {
        var features = new AudioFeatures(0.5, 0.5, energy, 0.5, 1, 0.5, -10, 1, 0.5, 120, 4, 0.5);
        return new Track(id, id, "Track " + id, java.util.Arrays.stream(artists).map(a -> new ArtistRef(a, "Artist " + a)).toList(),
                null, List.of(genre), 50, 180_000, false, 1, 1, features);
    }

    @SuppressWarnings("unchecked")
    public static CatalogService of(Map<String, Track> tracks) {
        return (CatalogService) Proxy.newProxyInstance(CatalogService.class.getClassLoader(), new Class<?>[] {CatalogService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "tracks" -> {
                        Map<String, Track> found = new LinkedHashMap<>();
                        for (String id : (Collection<String>) args[0]) {
                            if (tracks.containsKey(id)) {
                                found.put(id, tracks.get(id));
                            }
                        }
                        if (((Collection<String>) args[0]).size() > CatalogService.MAX_LOOKUP_IDS) {
                            throw new IllegalArgumentException("too many ids");
                        }
                        yield found;
                    }
                    case "track" -> Optional.ofNullable(tracks.get((String) args[0]));
                    case "artist" -> tracks.values().stream().flatMap(t -> t.artists().stream())
                            .filter(a -> a.id().equals(args[0])).findFirst()
                            .map(a -> new Artist(a.id(), a.id(), a.name(), List.of(), 0, List.of()));
                    case "genres" -> tracks.values().stream().flatMap(t -> t.genres().stream()).distinct().sorted().toList();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "TestCatalog";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
