package org.audotics.recommendation.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.UriInfo;
import org.audotics.catalog.api.CatalogService;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.EngineNotReadyException;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.junit.jupiter.api.Test;

class RecommendationResourceTest {

    private static UriInfo query(String name, String value) {
        var parameters = new MultivaluedHashMap<String, String>();
        parameters.add(name, value);
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getQueryParameters")) {
                        return parameters;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static RecommendationResource over(RuntimeException failure) {
        RecommendationService failing = new RecommendationService() {
            @Override
            public Recommendations recommend(RecommendationRequest request, int limit) {
                throw failure;
            }

            @Override
            public EngineInfo activeEngine() {
                throw failure;
            }
        };
        return new RecommendationResource(failing, (CatalogService) null);
    }

    @Test
    void anEngineThatIsNotReadyIsAnswered503NotAwaited() {
        var resource = over(new EngineNotReadyException("building index: 0 tracks read"));
        var refused = assertThrows(ApiException.class, () -> resource.recommend(query("seed_genres", "rock")));
        assertEquals(503, refused.status());
        assertEquals(ErrorCodes.SERVICE_UNAVAILABLE, refused.code());
        assertEquals("the recommendation engine is still starting; retry later", refused.getMessage());
    }

    @Test
    void noEngineAtAllIsAnswered503() {
        var resource = over(new NoEngineException());
        var refused = assertThrows(ApiException.class, () -> resource.recommend(query("seed_genres", "rock")));
        assertEquals(503, refused.status());
        assertEquals("no recommendation engine is running; retry later", refused.getMessage());
    }
}
