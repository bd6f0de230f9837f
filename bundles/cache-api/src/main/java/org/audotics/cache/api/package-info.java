/**
 * A shared cache with expiry, and publish/subscribe across server nodes: Redis when configured,
 * in-process otherwise.
 */
@Export
@Version("1.0.0")
package org.audotics.cache.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
