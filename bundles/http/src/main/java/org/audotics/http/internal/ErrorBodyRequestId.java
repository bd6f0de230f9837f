package org.audotics.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import org.audotics.http.api.ErrorBody;

/**
 * Puts the request's id ({@code X-Request-Id}, given by the HTTP edge) into every error body Jersey writes, so a
 * client reporting a failure can quote it and an admin finds the request's log lines. Bundles build their error
 * bodies without it (an {@link ErrorBody}, or a map whose {@code error} is an {@link ErrorBody.Detail}).
 */
final class ErrorBodyRequestId implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = requestId(request.getProperty(RequestTags.REQUEST_ID_ATTRIBUTE));
        if (id != null && response.getStatus() >= 400) {
            Object tagged = withRequestId(response.getEntity(), id);
            if (tagged != response.getEntity()) {
                response.setEntity(tagged, response.getEntityAnnotations(), response.getMediaType());
            }
        }
    }

    private static String requestId(Object attribute) {
        return attribute instanceof String id ? id : null;
    }

    /** The body with the id filled in, or the same object when it is no error body or already names a request. */
    static Object withRequestId(Object entity, String id) {
        if (entity instanceof ErrorBody body && body.error().requestId() == null) {
            return new ErrorBody(body.error().withRequestId(id));
        }
        if (entity instanceof Map<?, ?> map && map.get("error") instanceof ErrorBody.Detail detail && detail.requestId() == null) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put("error", detail.withRequestId(id));
            return copy;
        }
        return entity;
    }
}
