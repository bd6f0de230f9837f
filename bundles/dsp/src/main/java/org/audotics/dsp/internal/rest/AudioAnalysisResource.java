package org.audotics.dsp.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.internal.jobs.AnalysisQueue;
import org.audotics.dsp.internal.jobs.TrackAnalysis;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /v1/audio-analysis/{id}}: Spotify's audio-analysis object: {@code meta}, {@code track}
 * (track-level measurements with confidences), {@code bars}, {@code beats}, {@code sections},
 * {@code segments} and {@code tatums}. {@code meta.feature_methods} says how each audio feature was
 * obtained (measured, learned model, or heuristic), so no estimate passes for a measurement.
 */
@RestResource
@Component(service = AudioAnalysisResource.class)
@Path("audio-analysis")
@Produces(MediaType.APPLICATION_JSON)
public final class AudioAnalysisResource {

    /** How each feature of {@code /v1/audio-features} is obtained (docs/dsp.md has the details and accuracy). */
    static final Map<String, String> FEATURE_METHODS = methods();

    private final CatalogService catalog;
    private final AnalysisQueue analysis;

    @Activate
    public AudioAnalysisResource(@Reference CatalogService catalog, @Reference AnalysisQueue analysis) {
        this.catalog = catalog;
        this.analysis = analysis;
    }

    private static Map<String, String> methods() {
        Map<String, String> methods = new LinkedHashMap<>();
        methods.put("loudness", "measured: ITU-R BS.1770-4 integrated loudness");
        methods.put("tempo", "measured: onset-strength autocorrelation with a tempo prior");
        methods.put("key", "measured: chroma against Krumhansl-Kessler key profiles");
        methods.put("mode", "measured: chroma against Krumhansl-Kessler key profiles");
        methods.put("time_signature", "measured: accent contrast of tracked beats");
        methods.put("speechiness", "model: neural network trained on generated speech and music");
        methods.put("instrumentalness", "model: neural network trained on generated speech and music");
        methods.put("acousticness", "model: neural network trained on generated acoustic and electronic music, on Spotify's scale (quantile mapping; raw value in track.raw_features)");
        methods.put("energy", "heuristic: loudness, brightness, onset density, noisiness, on Spotify's scale (quantile mapping; raw value in track.raw_features)");
        methods.put("danceability", "heuristic: beat strength and regularity, tempo, bass, on Spotify's scale (quantile mapping; raw value in track.raw_features)");
        methods.put("valence", "heuristic guess: mode, tempo, brightness, energy, on Spotify's scale (quantile mapping; raw value in track.raw_features)");
        methods.put("liveness", "heuristic guess: noise between the notes");
        return java.util.Collections.unmodifiableMap(methods);
    }

    @GET
    @Path("{id}")
    public Map<String, Object> audioAnalysis(@PathParam("id") String id) {
        KnownTrack.require(catalog, id);
        TrackAnalysis measured = analysis.analysis(id).orElseThrow(() -> new ApiException(404, "analysis_not_available",
                "track '" + id + "' has not been analysed; upload its audio with PUT /v1/tracks/" + id + "/audio"));
        return AudioAnalysisObject.of(measured, FEATURE_METHODS);
    }
}
