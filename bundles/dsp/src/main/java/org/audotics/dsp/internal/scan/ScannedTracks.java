package org.audotics.dsp.internal.scan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.audotics.catalog.api.AlbumImport;
import org.audotics.catalog.api.ArtistImport;
import org.audotics.catalog.api.TrackImport;

/**
 * A scanned file as a catalog track: its tags ({@link TagReader}) mapped to a {@link TrackImport}.
 *
 * <p>The external id is {@code file-sha256:<SHA-256 of the file's real path, hex>}: stable, so a rescan
 * updates rather than duplicates, unique across library roots, and no server path in what anonymous
 * readers of {@code /v1/tracks} see ({@code external_ids}). Tracks scanned by earlier versions keep the
 * {@code file:<path>} id they were imported under (a rescan passes it in, so they are updated, not
 * duplicated); remove and rescan them to drop the path.
 */
final class ScannedTracks {

    static final String EXTERNAL_ID_PREFIX = "file-sha256:";

    private ScannedTracks() {
    }

    static TrackImport trackOf(Path file, FileTags tags) {
        return trackOf(externalIdOf(file), tags);
    }

    static TrackImport trackOf(String externalId, FileTags tags) {
        List<ArtistImport> artists = tags.artists().stream().map(name -> new ArtistImport(null, name)).toList();
        AlbumImport album = tags.album() == null ? null
                : new AlbumImport("name:" + tags.artists().get(0).toLowerCase(Locale.ROOT) + "/" + tags.album().toLowerCase(Locale.ROOT),
                        tags.album(), tags.year());
        return new TrackImport(externalId, tags.title(), artists, album, tags.genre() == null ? List.of() : List.of(tags.genre()), 0,
                Math.max(1, tags.durationMs()), false, tags.trackNumber(), tags.discNumber(), null);
    }

    /** @param file the real path of a scanned file */
    static String externalIdOf(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(file.toString().getBytes(StandardCharsets.UTF_8));
            return EXTERNAL_ID_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
