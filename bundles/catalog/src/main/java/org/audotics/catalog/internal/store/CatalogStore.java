package org.audotics.catalog.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.cayenne.ObjectContext;
import org.apache.cayenne.exp.Expression;
import org.apache.cayenne.query.ObjectSelect;
import org.apache.cayenne.query.SQLExec;
import org.apache.cayenne.query.SQLSelect;
import org.audotics.catalog.api.Album;
import org.audotics.catalog.api.AlbumImport;
import org.audotics.catalog.api.Artist;
import org.audotics.catalog.api.ArtistAlbum;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.AudioFeatures;
import org.audotics.catalog.api.CatalogEvents;
import org.audotics.catalog.api.ImportResult;
import org.audotics.catalog.api.ImportResult.ImportedTrack;
import org.audotics.catalog.api.InvalidImportException;
import org.audotics.catalog.api.Page;
import org.audotics.catalog.api.StoredImage;
import org.audotics.catalog.api.Track;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.TrackImport;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.audotics.storage.cayenne.api.ObjectStore;
import org.audotics.storage.cayenne.api.ObjectStores;

/** The catalog's tables, read and written through Cayenne. Thread-safe: every call uses its own context. */
public final class CatalogStore {

    private final ObjectStore store;
    private final Database database;
    private final PlannerStatistics statistics;

    /** Applies the catalog's migrations, then opens its Cayenne mapping. */
    public CatalogStore(Database database, ObjectStores stores) {
        database.migrate(CatalogStore.class, "db/catalog-changelog.xml");
        this.store = stores.open(CatalogStore.class, "cayenne-catalog.xml");
        this.database = database;
        this.statistics = new PlannerStatistics(database.dataSource());
    }

    /** Statements run in a batch's transaction once the batch is written, e.g. an import job's progress. */
    @FunctionalInterface
    public interface AfterBatch {
        /** @param written what the batch created and updated, committed together with these statements */
        void run(Connection connection, ImportResult written) throws SQLException;
    }

    /**
     * Writes a batch as {@link #importBatch(List)} does, with a few multi-row JDBC statements per table instead of
     * Cayenne objects ({@link BulkImport}), for streamed imports; {@code sameTransaction} runs in the batch's
     * transaction after it is written: both are committed, or neither.
     *
     * @throws StorageException when the database fails; nothing is written
     */
    public ImportWrite importBulk(List<TrackImport> batch, AfterBatch sameTransaction) {
        checkBatch(batch);
        return grown(inTransaction(connection -> {
            ImportWrite write = BulkImport.write(connection, batch);
            sameTransaction.run(connection, write.result());
            return write;
        }));
    }

    /** Once a batch committed: the tracks it created may make the planner's statistics due ({@link PlannerStatistics}). */
    private ImportWrite grown(ImportWrite write) {
        statistics.tracksWritten(write.result().created());
        return write;
    }

    /** JDBC work in one transaction of the catalog's database. */
    @FunctionalInterface
    public interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }

    /**
     * Runs JDBC work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @throws StorageException when the database fails
     */
    public <R> R inTransaction(SqlWork<R> work) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                R result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StorageException.from("Import", e);
        }
    }

    /** Other work in the catalog's database, in one transaction (e.g. the import jobs' tables). */
    public <R> R write(ObjectStore.Work<R> work) {
        return store.write(work);
    }

    /** Other read-only work in the catalog's database. */
    public <R> R read(ObjectStore.Work<R> work) {
        return store.read(work);
    }

    /** See {@link org.audotics.catalog.api.CatalogService#importTracks}. */
    public ImportResult importBatch(List<TrackImport> batch) {
        return importWrite(batch).result();
    }

    /**
     * Imports a batch (see {@link #importBatch}) and says which ids it created and which existing ones it
     * changed, with the revision it set; returned only once the transaction committed.
     */
    public ImportWrite importWrite(List<TrackImport> batch) {
        checkBatch(batch);
        return grown(store.write(context -> {
            Map<String, TrackEntity> existing = tracksByExternalId(context,
                    batch.stream().map(TrackImport::externalId).toList());
            Set<String> newArtists = new LinkedHashSet<>();
            Set<String> newAlbums = new LinkedHashSet<>();
            Map<String, String> artistIds = upsertArtists(context, batch, newArtists);
            Map<String, String> albumIds = upsertAlbums(context, batch, newAlbums);
            // Existing artists and albums that lose a track or an album credit change too.
            Set<String> touchedArtists = new LinkedHashSet<>(artistIds.values());
            Set<String> touchedAlbums = new LinkedHashSet<>(albumIds.values());
            existing.values().stream().map(TrackEntity::getAlbumId).filter(id -> id != null).forEach(touchedAlbums::add);
            // Flushes inside the one transaction, in foreign-key order: the mapping has no relationships
            // from which Cayenne could order the inserts itself.
            context.commitChanges();
            EntityImages.replace(context, EntityImages.Owner.ALBUM, EntityImages.byCatalogId(EntityImages.givenForAlbums(batch), albumIds));
            EntityImages.replace(context, EntityImages.Owner.ARTIST, EntityImages.byCatalogId(EntityImages.givenForArtists(batch), artistIds));
            touchedArtists.addAll(AlbumArtists.write(context, batch, albumIds, artistIds));
            touchedArtists.addAll(replaceCreditsAndGenresOf(context, existing.values().stream().map(TrackEntity::getId).toList()));

            List<ImportedTrack> imported = new ArrayList<>(batch.size());
            int created = 0;
            for (TrackImport line : batch) {
                TrackEntity track = existing.get(line.externalId());
                boolean isNew = track == null;
                if (isNew) {
                    track = context.newObject(TrackEntity.class);
                    track.setId(IdGenerator.next());
                    track.setExternalId(line.externalId());
                    created++;
                }
                write(track, line, line.album() == null ? null : albumIds.get(line.album().externalId()));
                imported.add(new ImportedTrack(line.externalId(), track.getId(), isNew));
            }
            context.commitChanges();
            for (int index = 0; index < batch.size(); index++) {
                TrackImport line = batch.get(index);
                String trackId = imported.get(index).id();
                for (int position = 0; position < line.artists().size(); position++) {
                    TrackArtistEntity credit = context.newObject(TrackArtistEntity.class);
                    credit.setTrackId(trackId);
                    credit.setPosition(position);
                    credit.setArtistId(artistIds.get(line.artists().get(position).externalId()));
                }
                for (String genre : line.genres()) {
                    TrackGenreEntity trackGenre = context.newObject(TrackGenreEntity.class);
                    trackGenre.setTrackId(trackId);
                    trackGenre.setGenre(genre);
                }
            }
            long revision = bumpRevision(context);
            context.commitChanges();
            touchedArtists.removeAll(newArtists);
            touchedAlbums.removeAll(newAlbums);
            Map<String, List<String>> changes = new LinkedHashMap<>();
            changes.put(CatalogEvents.TRACK_CREATED, imported.stream().filter(ImportedTrack::created).map(ImportedTrack::id).toList());
            changes.put(CatalogEvents.TRACK_UPDATED, imported.stream().filter(track -> !track.created()).map(ImportedTrack::id).toList());
            changes.put(CatalogEvents.ARTIST_CREATED, List.copyOf(newArtists));
            changes.put(CatalogEvents.ARTIST_UPDATED, List.copyOf(touchedArtists));
            changes.put(CatalogEvents.ALBUM_CREATED, List.copyOf(newAlbums));
            changes.put(CatalogEvents.ALBUM_UPDATED, List.copyOf(touchedAlbums));
            return new ImportWrite(new ImportResult(created, batch.size() - created, imported), new CatalogChanges(revision, changes));
        }));
    }

    /**
     * Adds one to the catalog revision and reads it back, inside the write's transaction: the update holds the
     * row until commit, so concurrent writes on any node get consecutive revisions in commit order.
     */
    private static long bumpRevision(ObjectContext context) {
        SQLExec.query("UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1").update(context);
        return SQLSelect.scalarQuery("SELECT revision FROM catalog_revision WHERE id = 1", Long.class).selectOne(context);
    }

    private static void checkBatch(List<TrackImport> batch) {
        if (batch.isEmpty()) {
            throw new InvalidImportException(0, "", "the batch holds no tracks");
        }
        if (batch.size() > CatalogService.MAX_IMPORT_BATCH) {
            throw new InvalidImportException(CatalogService.MAX_IMPORT_BATCH, "", "a batch holds at most " + CatalogService.MAX_IMPORT_BATCH + " tracks");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Integer first = seen.putIfAbsent(batch.get(i).externalId(), i);
            if (first != null) {
                throw new InvalidImportException(i, "external_id",
                        "external_id '" + batch.get(i).externalId() + "' already appears at track " + (first + 1) + " of the batch");
            }
        }
    }

    private static void write(TrackEntity track, TrackImport line, String albumId) {
        track.setName(line.name());
        track.setAlbumId(albumId);
        track.setDurationMs(line.durationMs());
        track.setPopularity(line.popularity());
        track.setExplicit(line.explicit());
        track.setTrackNumber(line.trackNumber());
        track.setDiscNumber(line.discNumber());
        if (line.audioFeatures() != null) {
            setFeatures(track, line.audioFeatures());
        }
    }

    /** See {@link org.audotics.catalog.api.CatalogService#updateAudioFeatures}. */
    public boolean updateAudioFeatures(String trackId, AudioFeatures features) {
        return featuresWrite(trackId, features).isPresent();
    }

    /** Sets a track's features; the change (the track updated) once committed, empty when there is no such track. */
    public Optional<CatalogChanges> featuresWrite(String trackId, AudioFeatures features) {
        return store.write(context -> {
            TrackEntity track = ObjectSelect.query(TrackEntity.class).where(TrackEntity.ID.eq(trackId)).selectOne(context);
            if (track == null) {
                return Optional.empty();
            }
            setFeatures(track, features);
            long revision = bumpRevision(context);
            context.commitChanges();
            return Optional.of(new CatalogChanges(revision, Map.of(CatalogEvents.TRACK_UPDATED, List.of(trackId))));
        });
    }

    private static void setFeatures(TrackEntity track, AudioFeatures features) {
        track.setAcousticness(features == null ? null : features.acousticness());
        track.setDanceability(features == null ? null : features.danceability());
        track.setEnergy(features == null ? null : features.energy());
        track.setInstrumentalness(features == null ? null : features.instrumentalness());
        track.setMusicKey(features == null ? null : features.key());
        track.setLiveness(features == null ? null : features.liveness());
        track.setLoudness(features == null ? null : features.loudness());
        track.setMode(features == null ? null : features.mode());
        track.setSpeechiness(features == null ? null : features.speechiness());
        track.setTempo(features == null ? null : features.tempo());
        track.setTimeSignature(features == null ? null : features.timeSignature());
        track.setValence(features == null ? null : features.valence());
    }

    /** Creates the batch's new artists and renames known ones; returns external id to catalog id. */
    private static Map<String, String> upsertArtists(ObjectContext context, List<TrackImport> batch, Set<String> created) {
        Map<String, ArtistImport> wanted = new LinkedHashMap<>();
        batch.forEach(line -> {
            line.artists().forEach(artist -> wanted.put(artist.externalId(), artist));
            if (line.album() != null) {
                line.album().artists().forEach(artist -> wanted.put(artist.externalId(), artist));
            }
        });
        Map<String, String> ids = new HashMap<>();
        Map<String, ArtistEntity> known = new HashMap<>();
        for (List<String> chunk : Chunks.of(wanted.keySet())) {
            ObjectSelect.query(ArtistEntity.class).where(ArtistEntity.EXTERNAL_ID.in(chunk)).select(context)
                    .forEach(artist -> known.put(artist.getExternalId(), artist));
        }
        wanted.forEach((externalId, artist) -> {
            ArtistEntity row = known.get(externalId);
            if (row == null) {
                row = context.newObject(ArtistEntity.class);
                row.setId(IdGenerator.next());
                row.setExternalId(externalId);
                created.add(row.getId());
            }
            if (!artist.name().equals(row.getName())) {
                row.setName(artist.name());
            }
            ids.put(externalId, row.getId());
        });
        return ids;
    }

    /** Creates the batch's new albums and updates known ones; returns external id to catalog id. */
    private static Map<String, String> upsertAlbums(ObjectContext context, List<TrackImport> batch, Set<String> created) {
        Map<String, AlbumImport> wanted = new LinkedHashMap<>();
        batch.stream().map(TrackImport::album).filter(album -> album != null)
                .forEach(album -> wanted.put(album.externalId(), album));
        Map<String, String> ids = new HashMap<>();
        Map<String, AlbumEntity> known = new HashMap<>();
        for (List<String> chunk : Chunks.of(wanted.keySet())) {
            ObjectSelect.query(AlbumEntity.class).where(AlbumEntity.EXTERNAL_ID.in(chunk)).select(context)
                    .forEach(album -> known.put(album.getExternalId(), album));
        }
        wanted.forEach((externalId, album) -> {
            AlbumEntity row = known.get(externalId);
            if (row == null) {
                row = context.newObject(AlbumEntity.class);
                row.setId(IdGenerator.next());
                row.setExternalId(externalId);
                created.add(row.getId());
            }
            row.setName(album.name());
            row.setReleaseDate(album.releaseDate());
            row.setAlbumType(album.albumType());
            row.setLabel(album.label());
            ids.put(externalId, row.getId());
        });
        return ids;
    }

    /**
     * Removes the credits and genres of tracks being re-imported. Flushed (inside the transaction) before
     * the new rows are created, because the new rows reuse the same primary keys.
     *
     * @return the artists whose credits were removed
     */
    private static Set<String> replaceCreditsAndGenresOf(ObjectContext context, List<String> trackIds) {
        Set<String> uncredited = new LinkedHashSet<>();
        if (trackIds.isEmpty()) {
            return uncredited;
        }
        for (List<String> chunk : Chunks.of(trackIds)) {
            List<TrackArtistEntity> credits = ObjectSelect.query(TrackArtistEntity.class).where(TrackArtistEntity.TRACK_ID.in(chunk)).select(context);
            credits.forEach(credit -> uncredited.add(credit.getArtistId()));
            context.deleteObjects(credits);
            context.deleteObjects(ObjectSelect.query(TrackGenreEntity.class).where(TrackGenreEntity.TRACK_ID.in(chunk)).select(context));
        }
        context.commitChanges();
        return uncredited;
    }

    private static Map<String, TrackEntity> tracksByExternalId(ObjectContext context, List<String> externalIds) {
        Map<String, TrackEntity> found = new HashMap<>();
        for (List<String> chunk : Chunks.of(externalIds)) {
            ObjectSelect.query(TrackEntity.class).where(TrackEntity.EXTERNAL_ID.in(chunk)).select(context)
                    .forEach(track -> found.put(track.getExternalId(), track));
        }
        return found;
    }

    public Optional<Track> track(String id) {
        return Optional.ofNullable(tracks(List.of(id)).get(id));
    }

    /** @return the tracks found, keyed by id, in the order of {@code ids} */
    public Map<String, Track> tracks(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<String> unique = new HashSet<>(ids);
        return store.read(context -> {
            Map<String, TrackEntity> rows = new HashMap<>();
            for (List<String> chunk : Chunks.of(unique)) {
                ObjectSelect.query(TrackEntity.class).where(TrackEntity.ID.in(chunk)).select(context)
                        .forEach(row -> rows.put(row.getId(), row));
            }
            List<TrackEntity> ordered = ids.stream().distinct().map(rows::get).filter(row -> row != null).toList();
            return TrackAssembler.assemble(context, ordered);
        });
    }

    public Optional<Artist> artist(String id) {
        return Optional.ofNullable(artists(List.of(id)).get(id));
    }

    /** @return the artists found, keyed by id, in the order of {@code ids} */
    public Map<String, Artist> artists(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : store.read(context -> ArtistAssembler.artists(context, ids));
    }

    /** @return the albums found, keyed by id, in the order of {@code ids} */
    public Map<String, Album> albums(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : store.read(context -> AlbumAssembler.albums(context, ids));
    }

    /** The ids of a page of an album's tracks (disc, track number, id order); empty when there is no such album. */
    public Optional<Page<String>> albumTrackIds(String albumId, int offset, int limit) {
        return store.read(context -> {
            if (!exists(context, AlbumEntity.class, AlbumEntity.ID, albumId)) {
                return Optional.empty();
            }
            long total = ObjectSelect.query(TrackEntity.class).where(TrackEntity.ALBUM_ID.eq(albumId)).selectCount(context);
            List<String> ids = ObjectSelect.columnQuery(TrackEntity.class, TrackEntity.ID).where(TrackEntity.ALBUM_ID.eq(albumId))
                    .orderBy(TrackEntity.DISC_NUMBER.asc(), TrackEntity.TRACK_NUMBER.asc(), TrackEntity.ID.asc())
                    .offset(offset).limit(limit).select(context);
            return Optional.of(new Page<>(ids, offset, (int) total));
        });
    }

    /** See {@link CatalogService#artistAlbums}; empty when there is no such artist. */
    public Optional<Page<ArtistAlbum>> artistAlbums(String artistId, Set<String> groups, int offset, int limit) {
        return store.read(context -> exists(context, ArtistEntity.class, ArtistEntity.ID, artistId)
                ? Optional.of(Discography.page(context, artistId, groups, offset, limit))
                : Optional.empty());
    }

    /** The ids of the artist's most popular tracks, most popular first, ties by id; empty when there is no such artist. */
    public Optional<List<String>> topTrackIds(String artistId, int limit) {
        return store.read(context -> exists(context, ArtistEntity.class, ArtistEntity.ID, artistId)
                ? Optional.of(SQLSelect.scalarQuery("SELECT t.id FROM track t WHERE t.id IN (SELECT ta.track_id FROM track_artist ta"
                        + " WHERE ta.artist_id = #bind($artist)) ORDER BY t.popularity DESC, t.id LIMIT " + limit, String.class)
                        .param("artist", artistId).select(context))
                : Optional.empty());
    }

    /** See {@link CatalogService#relatedArtists}; empty when there is no such artist. */
    public Optional<List<Artist>> relatedArtists(String artistId, int limit) {
        return store.read(context -> {
            if (!exists(context, ArtistEntity.class, ArtistEntity.ID, artistId)) {
                return Optional.empty();
            }
            return Optional.of(List.copyOf(ArtistAssembler.artists(context, RelatedArtists.of(context, artistId, limit)).values()));
        });
    }

    private static <E> boolean exists(ObjectContext context, Class<E> type,
            org.apache.cayenne.exp.property.StringProperty<String> idProperty, String id) {
        return ObjectSelect.query(type).where(idProperty.eq(id)).selectCount(context) > 0;
    }

    public List<Track> tracksWithFeatures(String afterId, int limit) {
        return store.read(context -> {
            Expression hasFeatures = TrackEntity.ACOUSTICNESS.isNotNull();
            Expression where = afterId == null ? hasFeatures : hasFeatures.andExp(TrackEntity.ID.gt(afterId));
            List<TrackEntity> rows = ObjectSelect.query(TrackEntity.class).where(where)
                    .orderBy(TrackEntity.ID.asc()).limit(limit).select(context);
            return List.copyOf(TrackAssembler.assemble(context, rows).values());
        });
    }

    public List<Track> tracksAfter(String afterId, int limit) {
        return store.read(context -> {
            ObjectSelect<TrackEntity> select = ObjectSelect.query(TrackEntity.class);
            if (afterId != null) {
                select = select.where(TrackEntity.ID.gt(afterId));
            }
            List<TrackEntity> rows = select.orderBy(TrackEntity.ID.asc()).limit(limit).select(context);
            return List.copyOf(TrackAssembler.assemble(context, rows).values());
        });
    }

    public List<String> genres() {
        return store.read(context -> SQLSelect.scalarQuery("SELECT DISTINCT genre FROM track_genre ORDER BY genre", String.class)
                .select(context));
    }

    /** @return the stored image's description, or empty when none has this id */
    public Optional<StoredImage> storedImage(String id) {
        return inTransaction(connection -> StoredImageTable.find(connection, id));
    }

    /** @return the stored image's original bytes, or empty when none has this id */
    public Optional<byte[]> storedImageBytes(String id) {
        return inTransaction(connection -> StoredImageTable.bytes(connection, id));
    }

    /**
     * Stores an image unless the same bytes are stored already. Two nodes storing the same new bytes at once may
     * collide on the primary key: the loser finds the winner's row and answers it.
     */
    public StoredImage storeImage(StoredImage image, byte[] data) {
        try {
            inTransaction(connection -> StoredImageTable.insertIfAbsent(connection, image, data));
        } catch (StorageException e) {
            if (e.reason() != StorageException.Reason.CONFLICT || storedImage(image.id()).isEmpty()) {
                throw e;
            }
        }
        return image;
    }

    /** A stored image set as an album's cover: the change, once committed; empty when nothing was written. */
    public record CoverWrite(boolean found, Optional<CatalogChanges> changes) {
    }

    /** See {@link org.audotics.catalog.api.CatalogImages#setAlbumImage}. */
    public CoverWrite albumImageWrite(String albumId, String imageId) {
        return inTransaction(connection -> {
            Map<String, List<String>> changes = new LinkedHashMap<>();
            long[] revision = {0};
            StoredImageTable.CoverResult result = StoredImageTable.setAlbumImage(connection, albumId, imageId, changes, revision);
            return new CoverWrite(result != StoredImageTable.CoverResult.NO_ALBUM_OR_IMAGE,
                    result == StoredImageTable.CoverResult.SET ? Optional.of(new CatalogChanges(revision[0], changes)) : Optional.empty());
        });
    }

    public long revision() {
        return store.read(context -> SQLSelect.scalarQuery("SELECT revision FROM catalog_revision WHERE id = 1", Long.class)
                .selectOne(context));
    }
}
