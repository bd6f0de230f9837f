/**
 * Who is calling: turns the bearer credential of a request into an {@link
 * org.audotics.auth.api.AuthenticatedUser} with roles, scopes and app; accounts ({@link
 * org.audotics.auth.api.AccountService}).
 */
@Export
@Version("1.1.0")
package org.audotics.auth.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
