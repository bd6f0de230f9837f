package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

/** The server's own OpenAPI document, as a client reads it: anonymously. */
final class OpenApiItDocument {

    private OpenApiItDocument() {
    }

    static JsonNode fetch(AudoticsServer server) throws Exception {
        HttpAnswer answer = server.getAnonymously("/v1/openapi.json");
        assertEquals(200, answer.status(), answer.toString());
        return answer.json();
    }
}
