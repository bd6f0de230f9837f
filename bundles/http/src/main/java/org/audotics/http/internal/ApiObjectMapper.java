package org.audotics.http.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The one JSON configuration of the public API: snake_case names, as in Spotify's Web API, and strict
 * types on the way in: a string field takes only a string that follows the text rule, a number field
 * only a number ({@code "3"} and {@code 2.5} for an integer are refused), never a silent conversion.
 */
final class ApiObjectMapper {

    private ApiObjectMapper() {
    }

    static ObjectMapper create() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Spotify clients send fields we do not model; ignoring them keeps those clients working.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // {"name": "a", "name": "b"} means different things to different parsers: refused
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("audotics-strict-text").addDeserializer(String.class, new StrictTextDeserializer()))
                // an error body without a request id (built outside a request) leaves the field out rather than null
                .addMixIn(org.audotics.http.api.ErrorBody.Detail.class, OmitNullRequestId.class)
                .build();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class OmitNullRequestId {
    }
}
