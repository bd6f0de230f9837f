package org.audotics.realtime.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.audotics.catalog.api.Page;
import org.audotics.http.api.ApiException;
import org.audotics.library.api.LibraryException;
import org.audotics.library.api.PlaylistEntry;
import org.audotics.library.api.PlaylistService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A playlist's tracks for a queue add, read through library-api as the caller sees the playlist. The library bundle is
 * optional: without it a playlist uri is answered 400.
 */
@Component(service = PlaylistTracks.class)
public final class PlaylistTracks {

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final String[] PREFIXES = {"audotics:playlist:", "spotify:playlist:"};

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlaylistService playlists;

    /** For Declarative Services, which sets the playlist service when there is one. */
    public PlaylistTracks() {
    }

    /** Reading this playlist service (or none), outside Declarative Services (tests). */
    public PlaylistTracks(PlaylistService playlists) {
        this.playlists = playlists;
    }

    /** @return the playlist id of a playlist uri, or null when the uri is no playlist uri */
    static String playlistId(String uri) {
        if (uri != null) {
            for (String prefix : PREFIXES) {
                if (uri.startsWith(prefix) && ID.matcher(uri.substring(prefix.length())).matches()) {
                    return uri.substring(prefix.length());
                }
            }
        }
        return null;
    }

    /**
     * @param most how many tracks at most are wanted; one more is read so the caller sees that there are too many
     * @return the playlist's track ids in its order; 400 when it does not exist or the caller cannot see it
     */
    List<String> tracks(String playlistId, String callerId, int most) {
        PlaylistService service = playlists;
        if (service == null) {
            throw ApiException.invalidBody("'uris' names a playlist, but this server has no library to read it from");
        }
        List<String> ids = new ArrayList<>();
        try {
            while (ids.size() <= most) {
                Page<PlaylistEntry> page = service.tracks(playlistId, callerId, ids.size(), PlaylistService.MAX_TRACK_PAGE);
                page.items().forEach(entry -> ids.add(entry.trackId()));
                if (page.items().isEmpty() || ids.size() >= page.total()) {
                    break;
                }
            }
        } catch (LibraryException e) {
            throw ApiException.invalidBody("'uris' names playlist '" + playlistId + "', which does not exist or which you cannot see");
        }
        return ids;
    }
}
