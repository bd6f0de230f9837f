package org.audotics.auth.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Roles;
import org.audotics.auth.internal.apps.Apps;
import org.audotics.auth.internal.authorize.AuthorizationCodes;
import org.audotics.auth.internal.authorize.Pkce;
import org.audotics.http.api.RestResource;
import org.audotics.http.api.TextRule;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The OAuth 2 token endpoint {@code POST /v1/auth/token} (RFC 6749: {@code password},
 * {@code refresh_token} and {@code client_credentials} grants) and the revocation endpoint {@code POST /v1/auth/revoke} (RFC 7009). Both
 * read {@code application/x-www-form-urlencoded} bodies (another media type is 415) and answer in OAuth's
 * shapes: the token answer, or {@link OAuthError}'s error body. Failed password sign-ins are limited by
 * {@link SignInLimiter} (429 {@code too_many_attempts}, checked before the password is). The
 * {@code client_credentials} grant authenticates an app ({@link Apps}) by HTTP Basic or by the
 * {@code client_id} and {@code client_secret} fields (RFC 6749 section 2.3.1, one method per request), and
 * answers an app token without a refresh token; a wrong client is 401 {@code invalid_client}. Client
 * secrets are 256 random bits, so their failures are not limited. Revocation takes
 * a refresh token (its family ends) or an access token (its {@code jti} goes on {@link RevokedAccessTokens}'
 * deny-list until it would expire).
 *
 * <p>The {@code authorization_code} grant (RFC 6749 section 4.1.3 with PKCE, RFC 7636) redeems a code from
 * {@code GET /v1/auth/authorize} ({@link AuthorizationCodes}): the client authenticates as for
 * {@code client_credentials}, sends {@code code}, {@code code_verifier} and, when the authorize request had one,
 * the same {@code redirect_uri}. It answers a token for the user carrying the app's client id and the granted
 * scopes only (never the admin role: an app is not an administrator), and a refresh token whose family keeps
 * both. Refreshing such a family needs the same client's authentication (section 6). A code redeemed a second
 * time is {@code invalid_grant} and revokes the refresh family and access token of the first redemption
 * (section 10.5).
 */
@RestResource
@Component(service = TokenResource.class)
@Path("auth")
@PermitAll
public final class TokenResource {

    /** The OAuth 2 token answer (RFC 6749 section 5.1); refreshToken and scope are null for an app's own token. */
    public record TokenAnswer(String accessToken, String tokenType, int expiresIn, String refreshToken, String scope) {

        /** The JSON body: the fields that are not null. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", accessToken);
            body.put("token_type", tokenType);
            body.put("expires_in", expiresIn);
            if (refreshToken != null) {
                body.put("refresh_token", refreshToken);
            }
            if (scope != null) {
                body.put("scope", scope);
            }
            return body;
        }
    }

    private static final String GRANTS = "password, refresh_token, client_credentials or authorization_code";

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final SignInLimiter limiter;
    private final RevokedAccessTokens revokedAccessTokens;

    /** Accounts (the password grant, and re-checking the account on a refresh); absent, both answer 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    /** Apps (the client_credentials grant); absent, that grant answers 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Apps apps;

    /** Authorization codes (the authorization_code grant); absent, that grant answers 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AuthorizationCodes codes;

    @Activate
    public TokenResource(@Reference AccessTokens accessTokens, @Reference RefreshTokens refreshTokens, @Reference SignInLimiter limiter,
            @Reference RevokedAccessTokens revokedAccessTokens) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.limiter = limiter;
        this.revokedAccessTokens = revokedAccessTokens;
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(String body, @Context HttpServletRequest request) {
        TokenAnswer answer = grant(fields(body), request.getHeader(HttpHeaders.AUTHORIZATION), request.getRemoteAddr());
        return Response.ok(answer.body()).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(String body) {
        revoke(fields(body));
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** @param address the client's address, for the limit on failed sign-ins */
    TokenAnswer grant(Map<String, String> form, String address) {
        return grant(form, null, address);
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null: {@code Basic} carries the
     *                      client's credentials for the client_credentials grant
     * @param address       the client's address, for the limit on failed sign-ins
     */
    TokenAnswer grant(Map<String, String> form, String authorization, String address) {
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.invalidRequest("parameter 'grant_type' is required: " + GRANTS);
        }
        return switch (grantType) {
            case "password" -> passwordGrant(required(form, "username"), required(form, "password"), form.get("scope"), address);
            case "refresh_token" -> refreshGrant(required(form, "refresh_token"), form.get("scope"), authorization, form);
            case "client_credentials" -> clientGrant(ClientCredentials.of(authorization, form), form.get("scope"));
            case "authorization_code" -> codeGrant(ClientCredentials.of(authorization, form), required(form, "code"),
                    form.get("redirect_uri"), form.get("code_verifier"));
            default -> throw OAuthError.unsupportedGrantType("grant_type '" + grantType + "' is not supported: use " + GRANTS);
        };
    }

    /**
     * RFC 7009: the same answer whether the token was ours or not. An access token is told by its hint
     * {@code access_token} or by its JWT form (a refresh token has no dots); one that does not verify (not
     * ours, expired) needs no revoking. A hint other than RFC 7009's two is {@code unsupported_token_type}.
     */
    void revoke(Map<String, String> form) {
        String token = required(form, "token");
        String hint = form.get("token_type_hint");
        if (hint != null && !hint.equals("access_token") && !hint.equals("refresh_token")) {
            throw OAuthError.unsupportedTokenType("token_type_hint '" + hint + "' is not supported: use access_token or refresh_token");
        }
        if (looksLikeJwt(token)) {
            accessTokens.read(token).ifPresent(revokedAccessTokens::revoke);
        } else {
            refreshTokens.revoke(token);
        }
    }

    /** Three dot-separated parts, the JWS compact form; our refresh tokens are base64url without dots. */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    /** The limit is checked first, so a refused sign-in costs no password hash. */
    private TokenAnswer passwordGrant(String email, String password, String scope, String address) {
        Set<String> scopes = requested(scope, Scopes.USER);
        AccountService service = accountService();
        limiter.check(email, address);
        Optional<Account> found = service.authenticate(email, password);
        if (found.isEmpty()) {
            limiter.failed(email, address);
            throw OAuthError.invalidGrant("the email or password is wrong");
        }
        Account account = found.get();
        limiter.succeeded(email);
        RefreshTokens.Issued family = refreshTokens.start(account.id(), scopes);
        return answer(account, scopes, family.token(), family.familyId(), null);
    }

    private TokenAnswer refreshGrant(String token, String scope, String authorization, Map<String, String> form) {
        if (accounts == null && !refreshTokens.known(token)) {
            throw OAuthError.invalidGrant("the refresh token is invalid, expired or revoked");
        }
        // a family issued to an app is refreshed by that app only, authenticated (RFC 6749 section 6)
        Optional<String> issuedTo = refreshTokens.clientId(token);
        if (issuedTo.isPresent() && !authenticatedClient(ClientCredentials.of(authorization, form)).equals(issuedTo.get())) {
            throw OAuthError.invalidGrant("the refresh token was issued to another client");
        }
        // the account is needed after the rotation; without the service, keep the client's token unused
        AccountService service = accountService();
        RefreshTokens.Rotation rotation = refreshTokens.rotate(token);
        if (rotation.outcome() != RefreshTokens.Outcome.ROTATED) {
            throw OAuthError.invalidGrant("the refresh token is invalid, expired or revoked");
        }
        Optional<Account> account = service.account(rotation.userId());
        if (account.isEmpty()) {
            refreshTokens.revokeFamily(rotation.familyId());
            throw OAuthError.invalidGrant("the refresh token is invalid, expired or revoked");
        }
        return answer(account.get(), requested(scope, rotation.scopes()), rotation.token(), rotation.familyId(), rotation.clientId());
    }

    /** RFC 6749 section 4.1.3; the verifier's form is checked before the code is looked up (and spent). */
    private TokenAnswer codeGrant(ClientCredentials credentials, String code, String redirectUri, String verifier) {
        AuthorizationCodes current = codes;
        if (current == null) {
            throw OAuthError.temporarilyUnavailable("authorization codes are not available yet; retry later");
        }
        if (verifier == null || verifier.isEmpty()) {
            throw OAuthError.invalidRequest("parameter 'code_verifier' is required (PKCE, RFC 7636)");
        }
        if (!Pkce.isVerifier(verifier)) {
            throw OAuthError.invalidRequest("parameter 'code_verifier' must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        }
        if (redirectUri != null && redirectUri.isEmpty()) {
            throw OAuthError.invalidRequest("parameter 'redirect_uri' must not be empty");
        }
        String clientId = authenticatedClient(credentials);
        AccountService service = accountService();
        String family = UUID.randomUUID().toString();
        AuthorizationCodes.Redemption redemption = current.redeem(code, clientId, redirectUri, verifier, family);
        switch (redemption.outcome()) {
            case GRANTED -> {
            }
            case REPLAYED -> {
                revokeFirstRedemption(redemption, clientId);
                throw OAuthError.invalidGrant("the authorization code was used before: the tokens issued for it are revoked");
            }
            case UNKNOWN, EXPIRED -> throw OAuthError.invalidGrant("the authorization code is invalid, expired or used");
            case WRONG_CLIENT -> throw OAuthError.invalidGrant("the authorization code was issued to another client");
            case WRONG_REDIRECT_URI -> throw OAuthError.invalidGrant("redirect_uri does not match the one of the authorization request");
            case WRONG_VERIFIER -> throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
            default -> throw new IllegalStateException("unexpected outcome " + redemption.outcome());
        }
        Account account = service.account(redemption.userId())
                .orElseThrow(() -> OAuthError.invalidGrant("the authorization code is invalid, expired or used"));
        RefreshTokens.Issued issued = refreshTokens.start(account.id(), redemption.scopes(), clientId, family);
        TokenAnswer answer = answer(account, redemption.scopes(), issued.token(), family, clientId);
        Optional<AccessTokens.Verified> accessToken = accessTokens.read(answer.accessToken());
        accessToken.ifPresent(token -> current.issued(code, token.id(), token.expires()));
        if (current.replayed(code)) {
            // the code was presented again while these tokens were being made: that replay found nothing to revoke
            refreshTokens.revokeFamily(family);
            accessToken.ifPresent(revokedAccessTokens::revoke);
            throw OAuthError.invalidGrant("the authorization code was used before: the tokens issued for it are revoked");
        }
        return answer;
    }

    private void revokeFirstRedemption(AuthorizationCodes.Redemption redemption, String clientId) {
        if (redemption.familyId() != null) {
            refreshTokens.revokeFamily(redemption.familyId());
        }
        if (redemption.accessTokenId() != null && redemption.accessTokenExpires() != null) {
            revokedAccessTokens.revoke(new AccessTokens.Verified(new AuthenticatedUser(redemption.userId(), Set.of(), Set.of(), clientId),
                    redemption.accessTokenId(), redemption.accessTokenExpires(), redemption.familyId()));
        }
    }

    /** The client id of the app these credentials authenticate; 401 invalid_client otherwise. */
    private String authenticatedClient(ClientCredentials credentials) {
        Apps current = apps;
        if (current == null) {
            throw OAuthError.temporarilyUnavailable("apps are not available yet; retry later");
        }
        return current.authenticate(credentials.clientId(), credentials.clientSecret())
                .orElseThrow(() -> OAuthError.invalidClient("the client id or secret is wrong")).clientId();
    }

    /** An app's own token: no user, so no user scope can be asked for and no refresh token is issued (section 4.4.3). */
    private TokenAnswer clientGrant(ClientCredentials credentials, String scope) {
        Apps current = apps;
        if (current == null) {
            throw OAuthError.temporarilyUnavailable("apps are not available yet; retry later");
        }
        requested(scope, Set.of());
        String clientId = current.authenticate(credentials.clientId(), credentials.clientSecret())
                .orElseThrow(() -> OAuthError.invalidClient("the client id or secret is wrong")).clientId();
        return new TokenAnswer(accessTokens.issueForApp(clientId), "Bearer", accessTokens.ttlSeconds(), null, null);
    }

    /** @param clientId the app the user authorized, or null for the user's own sign-in; an app never gets the admin role */
    private TokenAnswer answer(Account account, Set<String> scopes, String refreshToken, String familyId, String clientId) {
        String accessToken;
        if (clientId == null) {
            accessToken = accessTokens.issue(account.id(), account.roles(), scopes, familyId);
        } else {
            Set<String> roles = new HashSet<>(account.roles());
            roles.remove(Roles.ADMIN);
            accessToken = accessTokens.issueForUserOfApp(account.id(), roles, scopes, clientId, familyId);
        }
        return new TokenAnswer(accessToken, "Bearer", accessTokens.ttlSeconds(), refreshToken, Scopes.format(scopes));
    }

    /** The scopes asked for, all of {@code allowed} when none are; more than allowed is {@code invalid_scope}. */
    private static Set<String> requested(String scope, Set<String> allowed) {
        Set<String> asked = Scopes.parse(scope);
        if (asked.isEmpty()) {
            return allowed;
        }
        Set<String> beyond = new HashSet<>(asked);
        beyond.removeAll(allowed);
        if (!beyond.isEmpty()) {
            throw OAuthError.invalidScope("scope " + Scopes.format(beyond) + " is unknown or not granted: allowed are " + Scopes.format(allowed));
        }
        return Set.copyOf(asked);
    }

    private AccountService accountService() {
        AccountService service = accounts;
        if (service == null) {
            throw OAuthError.temporarilyUnavailable("accounts are not available yet; retry later");
        }
        return service;
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            throw OAuthError.invalidRequest("parameter '" + name + "' is required");
        }
        return value;
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body (UTF-8, RFC 6749 appendix B), each
     * once (section 3.2) and each following the text rule. Decoded here rather than by Jersey, whose form
     * reader fails with an unchecked exception (a 500) on a malformed escape such as {@code %zz}.
     */
    public static Map<String, String> fields(String body) {
        Map<String, String> fields = new TreeMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            TextRule.problem(name).ifPresent(problem -> {
                throw OAuthError.invalidRequest("a parameter name " + problem);
            });
            TextRule.problem(value).ifPresent(problem -> {
                throw OAuthError.invalidRequest("parameter '" + name + "' " + problem);
            });
            if (fields.putIfAbsent(name, value) != null) {
                throw OAuthError.invalidRequest("parameter '" + name + "' must not be repeated");
            }
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw OAuthError.invalidRequest("the body is not valid form encoding (a '%' must start two hexadecimal digits)");
        }
    }
}
