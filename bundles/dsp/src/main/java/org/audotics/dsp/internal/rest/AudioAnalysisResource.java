package org.audotics.dsp.internal.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.audotics.catalog.api.CatalogService;
import org.audotics.dsp.internal.jobs.AnalysisService;
import org.audotics.dsp.internal.jobs.TrackAnalysis;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /v1/audio-analysis/{id}}: Spotify's audio-analysis object with the track-level fields we
 * measure; bars, beats, tatums, sections and segments are not computed yet and are absent.
 */
@RestResource
@Component(service = AudioAnalysisResource.class)
@Path("audio-analysis")
@Produces(MediaType.APPLICATION_JSON)
public final class AudioAnalysisResource {

    private final CatalogService catalog;
    private final AnalysisService analysis;

    @Activate
    public AudioAnalysisResource(@Reference CatalogService catalog, @Reference AnalysisService analysis) {
        this.catalog = catalog;
        this.analysis = analysis;
    }

    @GET
    @Path("{id}")
    public Map<String, Object> audioAnalysis(@PathParam("id") String id) {
        KnownTrack.require(catalog, id);
        TrackAnalysis measured = analysis.analysis(id).orElseThrow(() -> new ApiException(404, "analysis_not_available",
                "track '" + id + "' has not been analysed; upload its audio with PUT /v1/tracks/" + id + "/audio"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("analyzer_version", measured.analyzerVersion());
        meta.put("timestamp", measured.analyzedAt() / 1000);
        meta.put("analysis_time", Instant.ofEpochMilli(measured.analyzedAt()).toString());
        meta.put("status_code", 0);
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("duration", measured.durationMs() / 1000.0);
        track.put("loudness", measured.loudness());
        track.put("tempo", measured.tempo());
        track.put("tempo_confidence", measured.tempoConfidence());
        track.put("key", measured.key());
        track.put("key_confidence", measured.keyConfidence());
        track.put("mode", measured.mode());
        return Map.of("meta", meta, "track", track);
    }
}
