/**
 * Who is calling: turns the bearer credential of a request into an {@link
 * org.audotics.auth.api.AuthenticatedUser} with roles.
 */
@Export
@Version("1.0.0")
package org.audotics.auth.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
