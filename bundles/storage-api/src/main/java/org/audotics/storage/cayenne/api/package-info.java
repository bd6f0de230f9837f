/**
 * Apache Cayenne object access on the server's database, with the OSGi class loading Cayenne needs
 * handled once, in the storage bundle.
 *
 * <p>Unlike the domain APIs this package names a library type, Cayenne's {@code ObjectContext}: it is
 * infrastructure for our implementation bundles that use the ORM, kept apart from
 * {@link org.audotics.storage.api} so a bundle that needs only JDBC (or only {@code StorageException})
 * does not import Cayenne. Its import range follows Cayenne 4.2; a Cayenne major upgrade is a major
 * version of this package.
 */
@Export
@Version("1.0.0")
package org.audotics.storage.cayenne.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
