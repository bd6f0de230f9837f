package org.audotics.apidocs.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.oas.integration.api.ObjectMapperProcessor;

/**
 * Build time only (the jar leaves this package out): makes the scan name properties as the server writes them,
 * snake_case unless a {@code @JsonProperty} names them (bundles/http's ApiObjectMapper), so the document's schemas
 * are the answers' shapes.
 */
public final class SnakeCaseNames implements ObjectMapperProcessor {

    @Override
    public void processJsonObjectMapper(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }
}
