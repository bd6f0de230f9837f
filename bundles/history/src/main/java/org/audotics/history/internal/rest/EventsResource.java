package org.audotics.history.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.audotics.auth.api.Roles;
import org.audotics.history.api.HistoryService;
import org.audotics.history.api.RecordResult;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /v1/me/events}: a batch of up to 1 000 listening events, stored all or none. 200 with
 * {@code {"batch_id", "stored", "duplicate"}} once committed (a retried batch id answers 200 again, with
 * {@code duplicate: true} and the count stored the first time); 400 {@code invalid_body} for a malformed batch and
 * 400 {@code invalid_events} with every bad event by index. Scope {@value #WRITE}.
 */
@RestResource
@Component(service = EventsResource.class)
@Path("me/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class EventsResource {

    /** Ours: Spotify's API has no way to report plays. */
    static final String WRITE = "user-modify-playback-history";

    private final HistoryService history;

    @Activate
    public EventsResource(@Reference HistoryService history) {
        this.history = history;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope(WRITE)
    public RecordResult record(JsonNode body, @Context SecurityContext security) {
        String user = Caller.id(security);
        EventBatchParser.Batch batch = EventBatchParser.parse(body);
        return history.record(user, batch.batchId(), batch.events());
    }
}
