/**
 * Who is calling: turns the bearer credential of a request into an {@link
 * org.audotics.auth.api.AuthenticatedUser} with roles, scopes and app; people's {@link org.audotics.auth.api.Account}s
 * and their passwords ({@link org.audotics.auth.api.AccountService}).
 *
 * <p>1.1.0: accounts ({@code Account}, {@code AccountService}, {@code AccountException},
 * {@code AccountEvents}), the role {@link org.audotics.auth.api.Roles#USER}, and scopes and app id on
 * {@code AuthenticatedUser}, which is now the request's {@code Principal}.
 *
 * <p>1.2.0: a person's {@link org.audotics.auth.api.Preferences} through the
 * {@link org.audotics.auth.api.PreferencesService}.
 *
 * <p>1.4.0: {@code AccountService.byEmail}, {@code setRoles} and {@code count}, for the operator's shell
 * ({@code audotics:user-role}, {@code audotics:status}); default methods, so other implementations still compile.
 */
@Export
@Version("1.4.0")
package org.audotics.auth.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
