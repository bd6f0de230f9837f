/**
 * A listener's library: playlists (ordered tracks with a {@code snapshot_id} that makes lost updates
 * impossible), saved tracks and albums, and follows (artists, users, playlists). Provided by the library
 * bundle; REST resources, recommenders and the catalog (for artists' follower counts) call it.
 *
 * <p>1.0.0: {@link org.audotics.library.api.PlaylistService}, {@link org.audotics.library.api.SavedItemService},
 * {@link org.audotics.library.api.FollowService}, {@link org.audotics.library.api.FollowCounts},
 * {@link org.audotics.library.api.LibraryEvents}.
 * <br>1.1.0: {@code PlaylistService.publicPlaylistsAfter} and {@code publicPlaylists} (every public playlist, for the
 * search index).
 * <br>1.2.0: {@code FollowCounts.artistFollowers(Collection)} (a page of artists' counts in one query),
 * {@code PlaylistService.followersContain} (whether users follow a playlist), and
 * {@code LibraryEvents.ORIGIN}: the library's events reach every node (re-posted with the origin node's id).
 */
@Export
@Version("1.2.0")
package org.audotics.library.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
