/**
 * The music catalog: tracks with their artists, album, genres and audio features; importing them; reading
 * them back. Value types are immutable records validated in their constructors.
 *
 * <p>2.0.0: {@link org.audotics.catalog.api.InvalidFieldException} and
 * {@link org.audotics.catalog.api.InvalidImportException} are no longer {@code IllegalArgumentException}s
 * (that channel is for bugs, which must surface as such).
 */
@Export
@Version("2.0.0")
package org.audotics.catalog.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
