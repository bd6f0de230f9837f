package org.audotics.http.internal;

import java.util.List;
import java.util.Map;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.MultivaluedMap;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.TextRule;

/**
 * Applies the {@link TextRule} to every query and path parameter of every request (after decoding), so
 * no resource can pass a NUL or an unpaired surrogate on to a lookup or the database: 400
 * {@code invalid_parameter} naming the parameter. Runs after authentication, before any resource.
 */
@Priority(Priorities.AUTHENTICATION + 100)
final class TextParameterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            TextRule.problem(parameter.getKey()).ifPresent(problem -> {
                throw ApiException.invalidParameter("a parameter name " + problem);
            });
            for (String value : parameter.getValue()) {
                TextRule.problem(value).ifPresent(problem -> {
                    throw ApiException.invalidParameter("parameter '" + parameter.getKey() + "' " + problem);
                });
            }
        }
    }
}
