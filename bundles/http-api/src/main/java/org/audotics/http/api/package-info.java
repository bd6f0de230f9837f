/**
 * How a bundle contributes REST resources to the one {@code /v1} application, and how a resource reports
 * a client error with the documented error body.
 *
 * <p>1.2.0: {@link org.audotics.http.api.RequiresScope} and {@link org.audotics.http.api.ErrorCodes#INSUFFICIENT_SCOPE}.
 * <p>1.3.0: {@link org.audotics.http.api.ErrorBody.Detail#requestId()}.
 */
@Export
@Version("1.3.0")
package org.audotics.http.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
