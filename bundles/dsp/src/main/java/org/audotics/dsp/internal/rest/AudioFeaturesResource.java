package org.audotics.dsp.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;
import org.audotics.catalog.api.CatalogIds;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.dsp.internal.jobs.AnalysisQueue;
import org.audotics.dsp.internal.jobs.AnalysisSummary;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /v1/audio-features/{id}} and {@code GET /v1/audio-features?ids=}, as in Spotify's Web API:
 * the features stored in the catalog (imported, or computed by analysis).
 */
@RestResource
@Component(service = AudioFeaturesResource.class)
@Path("audio-features")
@Produces(MediaType.APPLICATION_JSON)
public final class AudioFeaturesResource {

    /** Spotify's limit for several tracks at once. */
    static final String NO_FEATURES = "features_not_available";

    private final CatalogService catalog;
    private final AnalysisQueue analysis;

    @Activate
    public AudioFeaturesResource(@Reference CatalogService catalog, @Reference AnalysisQueue analysis) {
        this.catalog = catalog;
        this.analysis = analysis;
    }

    @GET
    @Path("{id}")
    public AudioFeaturesObject features(@PathParam("id") String id, @Context UriInfo uri) {
        Track track = KnownTrack.require(catalog, id);
        AudioFeaturesObject features = AudioFeaturesObject.of(track, analysis.summaries(List.of(id)).get(id), uri.getBaseUri());
        if (features == null) {
            throw new ApiException(404, NO_FEATURES, "track '" + id + "' has no audio features yet; upload its audio to have them computed");
        }
        return features;
    }

    /** @return {@code {"audio_features": [...]}} in request order; null for unknown ids and tracks without features */
    @GET
    public Map<String, List<AudioFeaturesObject>> several(@QueryParam("ids") String ids, @Context UriInfo uri) {
        List<String> list = Parameters.requiredList("ids", ids, CatalogService.MAX_LOOKUP_IDS, CatalogIds::isWellFormed, CatalogIds.RULE);
        Map<String, Track> found = catalog.tracks(list);
        Map<String, AnalysisSummary> analysed = analysis.summaries(found.keySet());
        List<AudioFeaturesObject> answer = new ArrayList<>(list.size());
        for (String id : list) {
            Track track = found.get(id);
            answer.add(track == null ? null : AudioFeaturesObject.of(track, analysed.get(id), uri.getBaseUri()));
        }
        return Map.of("audio_features", answer);
    }
}
