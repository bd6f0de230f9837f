/**
 * The music catalog: tracks with their artists, album, genres and audio features; importing them; reading
 * them back. Value types are immutable records validated in their constructors.
 *
 * <p>The exceptions of this package stay {@code IllegalArgumentException}s for compatibility, but a REST
 * edge maps only them, never {@code IllegalArgumentException} in general: any other one is a bug (500).
 *
 * <p>1.2.0: the limits callers need ({@code CatalogService.MAX_*}).
 */
@Export
@Version("1.2.0")
package org.audotics.catalog.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
