package org.audotics.dsp.internal.rest;

import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;

/** The track a path names: 400 for a malformed id, 404 for an unknown one. */
final class KnownTrack {

    private KnownTrack() {
    }

    static Track require(CatalogService catalog, String id) {
        Parameters.require("id", id, CatalogIds::isWellFormed, CatalogIds.RULE);
        return catalog.track(id).orElseThrow(() -> ApiException.notFound("no track with id '" + id + "'"));
    }
}
