package org.audotics.catalog.internal.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.cayenne.ObjectContext;
import org.apache.cayenne.query.ObjectSelect;
import org.audotics.catalog.api.AlbumRef;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.Image;
import org.audotics.catalog.api.Track;

/**
 * Builds {@link Track} records from rows: loads the artists, albums and genres of a set of tracks with one
 * batched query per table (never one query per track).
 */
final class TrackAssembler {

    private TrackAssembler() {
    }

    /** @return tracks keyed by id, in the order of {@code rows} */
    static Map<String, Track> assemble(ObjectContext context, List<TrackEntity> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<String> trackIds = rows.stream().map(TrackEntity::getId).toList();
        Map<String, List<TrackArtistEntity>> credits = new HashMap<>();
        Map<String, List<String>> genres = new HashMap<>();
        for (List<String> chunk : Chunks.of(trackIds)) {
            ObjectSelect.query(TrackArtistEntity.class).where(TrackArtistEntity.TRACK_ID.in(chunk)).select(context)
                    .forEach(credit -> credits.computeIfAbsent(credit.getTrackId(), id -> new ArrayList<>()).add(credit));
            ObjectSelect.query(TrackGenreEntity.class).where(TrackGenreEntity.TRACK_ID.in(chunk))
                    .orderBy(TrackGenreEntity.GENRE.asc()).select(context)
                    .forEach(genre -> genres.computeIfAbsent(genre.getTrackId(), id -> new ArrayList<>()).add(genre.getGenre()));
        }
        Map<String, ArtistEntity> artists = byId(context, ArtistEntity.class, ArtistEntity.ID,
                credits.values().stream().flatMap(List::stream).map(TrackArtistEntity::getArtistId).distinct().toList(),
                ArtistEntity::getId);
        Map<String, AlbumEntity> albums = byId(context, AlbumEntity.class, AlbumEntity.ID,
                rows.stream().map(TrackEntity::getAlbumId).filter(Objects::nonNull).distinct().toList(),
                AlbumEntity::getId);

        Map<String, Integer> albumSizes = albumSizes(context, albums.keySet());
        Map<String, List<ArtistRef>> albumArtists = albumArtists(context, albums.keySet());
        Map<String, List<Image>> albumImages = EntityImages.of(context, EntityImages.Owner.ALBUM, albums.keySet());

        Map<String, Track> tracks = new LinkedHashMap<>();
        for (TrackEntity row : rows) {
            List<ArtistRef> credited = credits.getOrDefault(row.getId(), List.of()).stream()
                    .sorted(Comparator.comparing(TrackArtistEntity::getPosition))
                    .map(credit -> artists.get(credit.getArtistId()))
                    .map(artist -> new ArtistRef(artist.getId(), artist.getName()))
                    .toList();
            AlbumEntity album = row.getAlbumId() == null ? null : albums.get(row.getAlbumId());
            tracks.put(row.getId(), new Track(row.getId(), row.getExternalId(), row.getName(), credited,
                    album == null ? null : new AlbumRef(album.getId(), album.getName(), album.getReleaseDate(),
                            albumSizes.getOrDefault(album.getId(), 0), album.getAlbumType(),
                            albumArtists.getOrDefault(album.getId(), List.of()), albumImages.getOrDefault(album.getId(), List.of())),
                    genres.getOrDefault(row.getId(), List.of()), row.getPopularity(), row.getDurationMs(),
                    row.getExplicit(), row.getTrackNumber(), row.getDiscNumber(), features(row)));
        }
        return tracks;
    }

    /** Tracks per album, one grouped count per chunk of albums (Spotify's {@code album.total_tracks}). */
    private static Map<String, Integer> albumSizes(ObjectContext context, Collection<String> albumIds) {
        Map<String, Integer> sizes = new HashMap<>();
        for (List<String> chunk : Chunks.of(albumIds)) {
            ObjectSelect.columnQuery(TrackEntity.class, TrackEntity.ALBUM_ID, TrackEntity.ID.count())
                    .where(TrackEntity.ALBUM_ID.in(chunk)).select(context)
                    .forEach(row -> sizes.put((String) row[0], ((Number) row[1]).intValue()));
        }
        return sizes;
    }

    /** The own artists of each album, in credit order; albums without any are absent. */
    static Map<String, List<ArtistRef>> albumArtists(ObjectContext context, Collection<String> albumIds) {
        List<AlbumArtistEntity> credits = new ArrayList<>();
        for (List<String> chunk : Chunks.of(albumIds)) {
            credits.addAll(ObjectSelect.query(AlbumArtistEntity.class).where(AlbumArtistEntity.ALBUM_ID.in(chunk)).select(context));
        }
        Map<String, ArtistEntity> artists = byId(context, ArtistEntity.class, ArtistEntity.ID,
                credits.stream().map(AlbumArtistEntity::getArtistId).distinct().toList(), ArtistEntity::getId);
        Map<String, List<ArtistRef>> byAlbum = new HashMap<>();
        credits.stream().sorted(Comparator.comparing(AlbumArtistEntity::getPosition)).forEach(credit -> {
            ArtistEntity artist = artists.get(credit.getArtistId());
            byAlbum.computeIfAbsent(credit.getAlbumId(), id -> new ArrayList<>()).add(new ArtistRef(artist.getId(), artist.getName()));
        });
        return byAlbum;
    }

    static AudioFeatures features(TrackEntity row) {
        if (row.getAcousticness() == null) {
            return null;
        }
        return new AudioFeatures(row.getAcousticness(), row.getDanceability(), row.getEnergy(),
                row.getInstrumentalness(), row.getMusicKey(), row.getLiveness(), row.getLoudness(), row.getMode(),
                row.getSpeechiness(), row.getTempo(), row.getTimeSignature(), row.getValence());
    }

    static <E> Map<String, E> byId(ObjectContext context, Class<E> type,
            org.apache.cayenne.exp.property.StringProperty<String> idProperty, Collection<String> ids,
            java.util.function.Function<E, String> idOf) {
        Map<String, E> found = new HashMap<>();
        for (List<String> chunk : Chunks.of(ids)) {
            ObjectSelect.query(type).where(idProperty.in(chunk)).select(context)
                    .forEach(entity -> found.put(idOf.apply(entity), entity));
        }
        return found;
    }
}
