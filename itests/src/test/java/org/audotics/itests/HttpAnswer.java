package org.audotics.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;

/** One HTTP answer of the server, with its body parsed as JSON. */
record HttpAnswer(int status, HttpResponse<String> response, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static HttpAnswer of(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (Exception notJson) {
            throw new AssertionError("answer is not JSON (status " + response.statusCode() + "): " + response.body());
        }
        return new HttpAnswer(response.statusCode(), response, json);
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    String errorCode() {
        return json.path("error").path("code").asText(null);
    }

    String errorMessage() {
        return json.path("error").path("message").asText(null);
    }

    @Override
    public String toString() {
        return status + " " + response.body();
    }
}
