package org.audotics.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import javax.ws.rs.ext.ContextResolver;

/** Hands Jersey's Jackson provider the API's snake_case {@link ObjectMapper}. */
final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = ApiObjectMapper.create();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
