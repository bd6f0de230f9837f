package org.audotics.history.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.audotics.history.api.InvalidEventsException;
import org.audotics.http.api.ErrorBody;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Component;

/**
 * 400 {@code invalid_events}: the error body, plus {@code "rejected": [{"index": 3, "reason": "..."}]} naming
 * every rejected event of the batch (nothing of it was stored).
 */
@RestResource
@Component(service = InvalidEventsMapper.class)
@Provider
public final class InvalidEventsMapper implements ExceptionMapper<InvalidEventsException> {

    static final String CODE = "invalid_events";

    @Override
    public Response toResponse(InvalidEventsException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", ErrorBody.of(400, CODE, e.getMessage()).error());
        body.put("rejected", e.rejections());
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
