package org.audotics.library.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A playlist as stored, without its tracks.
 *
 * @param id            22 base-62 characters
 * @param ownerId       the account that created it
 * @param name          1..{@value PlaylistDetails#MAX_NAME} characters
 * @param description   0..{@value PlaylistDetails#MAX_DESCRIPTION} characters, never null
 * @param isPublic      listed on the owner's profile and readable by every user
 * @param collaborative editors the owner invited may change its tracks (never public at the same time)
 * @param snapshotId    opaque; changes with every change of the playlist, its details included
 * @param trackCount    0..{@value PlaylistService#MAX_TRACKS}
 * @param followers     users following it, the owner not counted
 * @param createdAt     when it was created
 */
public record Playlist(String id, String ownerId, String name, String description, boolean isPublic, boolean collaborative,
        String snapshotId, int trackCount, int followers, Instant createdAt) {

    public Playlist {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
