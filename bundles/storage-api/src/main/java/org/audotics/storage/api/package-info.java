/**
 * The database seam for Audotics' own domain bundles: a pooled {@link javax.sql.DataSource}, schema
 * migrations that each bundle owns, and {@link org.audotics.storage.api.StorageException}, which says
 * whether a failure means "unavailable, retry", "conflict" or "failed". Only JDK types: object-relational
 * mapping lives in {@code org.audotics.storage.cayenne.api}.
 *
 * <p>2.0.0: {@code Database.objectStore} and {@code ObjectStore} moved to
 * {@code org.audotics.storage.cayenne.api}.
 */
@Export
@Version("2.0.0")
package org.audotics.storage.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
