/**
 * The music catalog: tracks with their artists, album, genres and audio features; importing them; reading
 * them back. Value types are immutable records validated in their constructors.
 */
@Export
@Version("1.1.0")
package org.audotics.catalog.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
