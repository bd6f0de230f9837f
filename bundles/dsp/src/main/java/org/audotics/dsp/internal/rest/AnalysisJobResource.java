package org.audotics.dsp.internal.rest;

import java.util.UUID;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.UriInfo;
import org.audotics.dsp.internal.jobs.AnalysisQueue;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.Parameters;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /v1/analysis-jobs/{id}}: the state and progress of an analysis. */
@RestResource
@Component(service = AnalysisJobResource.class)
@Path("analysis-jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class AnalysisJobResource {

    private final AnalysisQueue analysis;

    @Activate
    public AnalysisJobResource(@Reference AnalysisQueue analysis) {
        this.analysis = analysis;
    }

    @GET
    @Path("{id}")
    public JobObject job(@PathParam("id") String id, @Context UriInfo uri) {
        Parameters.require("id", id, AnalysisJobResource::isUuid, "a job id as returned by the upload");
        return analysis.job(id).map(job -> JobObject.of(job, uri.getBaseUri()))
                .orElseThrow(() -> ApiException.notFound("no analysis job with id '" + id + "'"));
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
