package org.audotics.history.internal.rest;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import org.audotics.auth.api.Roles;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.StoredEvent;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /v1/me/history/export}: every stored event of the caller, oldest first, one JSON object per line
 * ({@code application/x-ndjson}), streamed a page of {@value #PAGE} events at a time so any history fits in
 * little memory. Scope {@value RecentlyPlayedResource#READ}.
 */
@RestResource
@Component(service = HistoryExportResource.class)
@Path("me/history/export")
@RolesAllowed(Roles.USER)
public final class HistoryExportResource {

    static final String MEDIA_TYPE = "application/x-ndjson";
    static final int PAGE = 2_000;
    /** Many values go to one stream: Jackson must not close it after the first. */
    private static final ObjectMapper JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final HistoryService history;

    @Activate
    public HistoryExportResource(@Reference HistoryService history) {
        this.history = history;
    }

    @GET
    @Produces(MEDIA_TYPE)
    @RequiresScope(RecentlyPlayedResource.READ)
    public Response export(@Context SecurityContext security) {
        String user = Caller.id(security);
        List<StoredEvent> first = history.events(user, null, PAGE); // before the 200: a database failure is still a JSON 503
        StreamingOutput lines = output -> write(user, first, output);
        return Response.ok(lines, MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"listening-history.jsonl\"").build();
    }

    private void write(String user, List<StoredEvent> first, OutputStream target) throws java.io.IOException {
        OutputStream out = new BufferedOutputStream(target, 64 * 1024);
        List<StoredEvent> page = first;
        while (!page.isEmpty()) {
            for (StoredEvent stored : page) {
                JSON.writeValue(out, line(stored));
                out.write('\n');
            }
            if (page.size() < PAGE) {
                break;
            }
            page = history.events(user, page.get(page.size() - 1), PAGE);
        }
        out.flush();
    }

    static Map<String, Object> line(StoredEvent stored) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", stored.event().type().wireName());
        line.put("track_id", stored.event().trackId());
        line.put("started_at", stored.event().startedAt().toString());
        line.put("ms_played", stored.event().msPlayed());
        line.put("context", stored.event().context() == null ? null
                : Map.of("type", stored.event().context().type().wireName(), "id", stored.event().context().id()));
        line.put("weight", stored.weight());
        return line;
    }
}
