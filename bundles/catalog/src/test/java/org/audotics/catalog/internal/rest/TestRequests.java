package org.audotics.catalog.internal.rest;

import java.lang.reflect.Proxy;
import java.net.URI;
import javax.ws.rs.core.UriInfo;

/** What JAX-RS injects into the resources, made by hand: the request's base and full URI. */
final class TestRequests {

    static final URI BASE = URI.create("http://127.0.0.1:8181/v1/");

    private TestRequests() {
    }

    /** @param pathAndQuery the request below the base, e.g. {@code "albums/x/tracks?limit=2"} */
    static UriInfo uri(String pathAndQuery) {
        return (UriInfo) Proxy.newProxyInstance(TestRequests.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
            return switch (method.getName()) {
                case "getBaseUri" -> BASE;
                case "getRequestUri" -> BASE.resolve(pathAndQuery);
                default -> throw new UnsupportedOperationException(method.getName());
            };
        });
    }
}
