/**
 * What a bundle measures, for the operator's monitoring: timings, counts and sampled values with a few tags,
 * exposed by the metrics bundle at {@code GET /metrics} in Prometheus text. A bundle depends on this small
 * contract, not on a metrics library, so the library stays the metrics bundle's own detail (it embeds
 * Micrometer) and a bundle works the same with no metrics bundle installed (it references {@link
 * org.audotics.metrics.api.Metrics} optionally).
 *
 * <p>Names are dotted and lower case, prefixed {@code audotics.} ({@code audotics.http.requests}); the Prometheus
 * names follow from them by its conventions ({@code audotics_http_requests_seconds_bucket}, {@code
 * audotics_cache_requests_total}). Tags are alternating keys and values; keep their values few (a route template,
 * never a path with ids in it): every distinct combination is a series kept for the life of the process.
 */
@Export
@Version("1.0.0")
package org.audotics.metrics.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
