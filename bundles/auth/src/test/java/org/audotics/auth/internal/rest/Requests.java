package org.audotics.auth.internal.rest;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.Principal;
import java.util.Set;
import org.audotics.auth.api.AuthenticatedUser;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/** What JAX-RS injects into the resources, made by hand: the caller's security context and the request's base URI. */
public final class Requests {

    static final URI BASE = URI.create("http://127.0.0.1:8181/v1/");

    private Requests() {
    }

    /** The context the HTTP bundle's authentication filter sets for a user's own token with these roles. */
    public static SecurityContext caller(String userId, Set<String> roles) {
        return caller(userId, roles, Set.of("user-read-private", "user-read-email", "user-modify-private"));
    }

    /** The context for a token with these roles and scopes. */
    public static SecurityContext caller(String userId, Set<String> roles, Set<String> scopes) {
        return caller(userId, roles, scopes, null);
    }

    /** The context for a token an app obtained for the user ({@code appId} its client id; null for the user's own). */
    public static SecurityContext caller(String userId, Set<String> roles, Set<String> scopes, String appId) {
        AuthenticatedUser user = new AuthenticatedUser(userId, roles, scopes, appId);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    /** A request without a token. */
    static SecurityContext anonymous() {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return null;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return null;
            }
        };
    }

    static UriInfo uri() {
        return (UriInfo) Proxy.newProxyInstance(Requests.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
            if (method.getName().equals("getBaseUri")) {
                return BASE;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
