/**
 * The database seam for Audotics' own domain bundles: a pooled {@link javax.sql.DataSource}, schema
 * migrations that each bundle owns, and Apache Cayenne object access with its OSGi class loading handled
 * once, in the storage bundle.
 *
 * <p>Unlike the domain APIs this package names a library type, Cayenne's {@code ObjectContext}: it is
 * infrastructure for our implementation bundles, not an API for third parties, and its import range
 * follows Cayenne 4.2. A Cayenne major upgrade is a major version of this package.
 */
@Export
@Version("1.0.0")
package org.audotics.storage.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
