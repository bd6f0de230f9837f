/**
 * Full-text search over the catalog, as Spotify's {@code GET /v1/search}: a {@link
 * org.audotics.search.api.SearchService} answers ids per type in rank order; the caller reads the objects
 * from the catalog. The query syntax (free text and Spotify's field filters) is parsed here, by {@link
 * org.audotics.search.api.SearchQuery#parse(String)}, so every implementation (the embedded Lucene one, or an
 * OpenSearch/Elasticsearch adapter) reads the same syntax the same way.
 */
@Export
@Version("1.0.0")
package org.audotics.search.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
