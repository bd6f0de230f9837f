package org.audotics.storage.internal.rest;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import javax.ws.rs.ext.Providers;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.ErrorResponses;
import org.audotics.http.api.RestResource;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a database failure reaches a client, for every endpoint of every bundle: unavailable (down,
 * starting, recovering, out of connections) is 503 with {@code Retry-After}; a change that lost a race
 * against a concurrent one is 409; anything else is a bug and goes to the application's mapper of
 * unexpected failures (a 500 with an error id, logged with its stack trace).
 */
@RestResource
@Component(service = StorageExceptionMapper.class)
@Provider
public final class StorageExceptionMapper implements ExceptionMapper<StorageException> {

    private static final Logger LOG = LoggerFactory.getLogger(StorageExceptionMapper.class);

    @Context
    private Providers providers;

    @Override
    public Response toResponse(StorageException storage) {
        switch (storage.reason()) {
            case UNAVAILABLE -> {
                LOG.warn("Database unavailable: {}", storage.getMessage());
                return ErrorResponses.of(ApiException.unavailable("the database is unavailable; retry later"));
            }
            case CONFLICT -> {
                LOG.info("Conflicting concurrent change: {}", storage.getMessage());
                return ErrorResponses.of(new ApiException(409, ErrorCodes.CONFLICT,
                        "a concurrent change conflicted with this request; retry it"));
            }
            default -> {
                return unexpected(storage);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Response unexpected(StorageException e) {
        ExceptionMapper bug = providers.getExceptionMapper(Throwable.class);
        return bug.toResponse(e);
    }
}
