package org.audotics.auth.internal;

import javax.ws.rs.HeaderParam;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /v1/auth/logout}: ends the caller's session on every node: the bearer access token of the
 * request goes on the deny-list ({@link RevokedAccessTokens}) and the refresh-token family it was issued
 * with is revoked, so neither the token nor any refresh token of that sign-in works again. 204; no token
 * (or one no authenticator accepts): 401; a bearer credential that is no access token of ours (the
 * bootstrap admin token): 400 {@code invalid_parameter}. Any body is ignored.
 *
 * <p>Other access tokens of the same family (issued by earlier refreshes) end too: revoking the family
 * puts it on the deny-list ({@link RevokedAccessTokens#revokeFamily}).
 */
@RestResource
@Component(service = LogoutResource.class)
@Path("auth/logout")
public final class LogoutResource {

    private static final String BEARER = "Bearer ";

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final RevokedAccessTokens revokedAccessTokens;

    @Activate
    public LogoutResource(@Reference AccessTokens accessTokens, @Reference RefreshTokens refreshTokens,
            @Reference RevokedAccessTokens revokedAccessTokens) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revokedAccessTokens = revokedAccessTokens;
    }

    @POST
    public Response logout(@Context SecurityContext security, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (security == null || security.getUserPrincipal() == null || authorization == null
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new NotAuthorizedException("Bearer realm=\"audotics\"");
        }
        logout(authorization.substring(BEARER.length()).strip());
        return Response.noContent().build();
    }

    /** Ends the token and its refresh-token family; the caller was already authenticated with it. */
    void logout(String accessToken) {
        AccessTokens.Verified token = accessTokens.read(accessToken)
                .orElseThrow(() -> ApiException.invalidParameter("Authorization: logout ends an access token from /v1/auth/token;"
                        + " this bearer credential is none"));
        revokedAccessTokens.revoke(token);
        if (token.familyId() != null) {
            refreshTokens.revokeFamily(token.familyId());
        }
    }
}
