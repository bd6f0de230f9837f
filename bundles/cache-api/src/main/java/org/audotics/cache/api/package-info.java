/**
 * A shared cache with expiry, and publish/subscribe across server nodes: Redis when configured,
 * in-process otherwise.
 *
 * <p>1.1.0: {@link org.audotics.cache.api.Cache#increment}, an atomic counter with expiry (rate limits).
 * <br>1.2.0: {@link org.audotics.cache.api.Cache#getAll}, many keys in one round trip.
 */
@Export
@Version("1.2.0")
package org.audotics.cache.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
