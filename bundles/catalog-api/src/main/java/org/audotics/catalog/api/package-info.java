/**
 * The music catalog: tracks with their artists, album, genres and audio features; importing them; reading
 * them back. Value types are immutable records validated in their constructors.
 *
 * <p>The exceptions of this package stay {@code IllegalArgumentException}s for compatibility, but a REST
 * edge maps only them, never {@code IllegalArgumentException} in general: any other one is a bug (500).
 *
 * <p>1.2.0: the limits callers need ({@code CatalogService.MAX_*}).
 *
 * <p>1.3.0: albums and artists in full ({@code Album}, {@code Artist} with genres and popularity,
 * {@code AlbumRef} with album type and album artists, {@code AlbumImport} with album type, label and
 * artists), paging ({@code Page}, {@code PagingObject}), discographies, top tracks, related artists, and
 * their Spotify shapes ({@code ArtistObject}, {@code AlbumObject}, {@code SimplifiedTrackObject}). The new
 * {@code CatalogService} methods are default methods, so implementations written against 1.2 still compile
 * (they answer {@code UnsupportedOperationException}).
 *
 * <p>1.4.0: {@code CatalogService.tracksAfter}, every track page by page (a search index reads it), a default
 * method again; and
 * change events for tracks, artists and albums ({@code CatalogEvents.TRACK_CREATED} … {@code
 * ALBUM_DELETED}, properties {@code IDS}, {@code REVISION}, {@code ORIGIN}), posted after commit and carried to
 * every node, with what a consumer may rely on in {@code CatalogEvents}.
 *
 * <p>1.5.0: images of albums and artists in Spotify's shape ({@code Image}): imported by URL
 * ({@code AlbumImport.images}, {@code ArtistImport.images}, kept as references) and read back
 * ({@code Album.images}, {@code AlbumRef.images}, {@code Artist.images}, and the {@code images} of the Spotify
 * objects); images stored by the server ({@code CatalogImages}, {@code StoredImage}, {@code InvalidImageException}),
 * e.g. covers found by a folder scan, served at three sizes. The records keep their 1.4 constructors, so code
 * written against 1.4 still compiles and links.
 */
@Export
@Version("1.5.0")
package org.audotics.catalog.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
