package org.audotics.search.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorResponses;
import org.audotics.http.api.RestResource;
import org.audotics.search.api.InvalidSearchException;
import org.audotics.search.api.SearchUnavailableException;
import org.osgi.service.component.annotations.Component;

/** How the exceptions of search-api reach a client, registered with the {@code /v1} application. */
final class SearchExceptionMappers {

    private SearchExceptionMappers() {
    }

    /** 400 {@code invalid_parameter}; the message names the parameter. */
    @RestResource
    @Component(service = InvalidSearchMapper.class)
    @Provider
    public static final class InvalidSearchMapper implements ExceptionMapper<InvalidSearchException> {
        @Override
        public Response toResponse(InvalidSearchException e) {
            return ErrorResponses.of(ApiException.invalidParameter(e.getMessage()));
        }
    }

    /** 503 with {@code Retry-After}: the first index is still being built. */
    @RestResource
    @Component(service = SearchUnavailableMapper.class)
    @Provider
    public static final class SearchUnavailableMapper implements ExceptionMapper<SearchUnavailableException> {
        @Override
        public Response toResponse(SearchUnavailableException e) {
            return ErrorResponses.of(ApiException.unavailable(e.getMessage() + "; retry later"));
        }
    }
}
