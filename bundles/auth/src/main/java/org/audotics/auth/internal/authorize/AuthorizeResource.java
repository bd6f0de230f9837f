package org.audotics.auth.internal.authorize;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.internal.OAuthError;
import org.audotics.auth.internal.Scopes;
import org.audotics.auth.internal.SignInLimiter;
import org.audotics.auth.internal.TokenResource;
import org.audotics.auth.internal.apps.App;
import org.audotics.auth.internal.apps.Apps;
import org.audotics.http.api.ErrorBody;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2 authorization endpoint for third-party apps: authorization code with PKCE (RFC 6749 section
 * 4.1, RFC 7636), {@code GET /v1/auth/authorize} and the form it renders, posted to {@code POST /v1/auth/authorize}.
 *
 * <p>GET validates the client and the redirect URI first. While either is wrong nothing is redirected (that
 * would make us an open redirector): the answer is 400 (503 while apps are unavailable), an HTML page, or our
 * JSON error body when the client's {@code Accept} asks for JSON and not HTML, with code {@code invalid_client}
 * (unknown or missing {@code client_id}) or {@code invalid_request} (redirect URI missing, unregistered or
 * repeated). Every later error goes back to the redirect URI as {@code error}, {@code error_description}
 * and {@code state} (302): {@code invalid_request} (a repeated parameter, missing {@code response_type}, PKCE
 * missing, not {@code S256} or malformed, {@code state} over 1000 characters), {@code unsupported_response_type},
 * {@code invalid_scope}. A valid request is stored ({@link PendingAuthorizations}) and answered with the
 * sign-in and consent page ({@link AuthorizePage}).
 *
 * <p>POST takes the pending request (once) and: Deny answers 303 to {@code redirect_uri?error=access_denied&state=..};
 * Allow checks the email and password like the password grant (same {@link SignInLimiter}, checked first) and
 * answers 303 to {@code redirect_uri?code=..&state=..}. A wrong password re-renders the page (200) with a
 * message and a new pending id; too many failures re-render it with 429 and {@code Retry-After}. An unknown,
 * used or expired pending id is a 400 page: the user starts again from the app.
 *
 * <p>Every page is UTF-8 with a CSP allowing nothing but its inline style, and the form's target plus the
 * redirect URI's origin as {@code form-action} (browsers apply it to the redirect after the post), and
 * {@code X-Frame-Options: DENY}, {@code Cache-Control: no-store}, {@code Referrer-Policy: no-referrer}.
 */
@RestResource
@Component(service = AuthorizeResource.class)
@Path("auth/authorize")
@PermitAll
public final class AuthorizeResource {

    static final int MAX_STATE_CHARS = 1000;
    private static final String HTML = "text/html; charset=UTF-8";
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizeResource.class);

    private final PendingAuthorizations pending;
    private final AuthorizationCodes codes;
    private final SignInLimiter limiter;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Apps apps;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    @Activate
    public AuthorizeResource(@Reference PendingAuthorizations pending, @Reference AuthorizationCodes codes, @Reference SignInLimiter limiter) {
        this.pending = pending;
        this.codes = codes;
        this.limiter = limiter;
    }

    /** For tests: the optional services given. */
    public AuthorizeResource(PendingAuthorizations pending, AuthorizationCodes codes, SignInLimiter limiter, Apps apps, AccountService accounts) {
        this(pending, codes, limiter);
        this.apps = apps;
        this.accounts = accounts;
    }

    /** A refusal that cannot go back to the app. */
    private static final class NotRedirectable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        NotRedirectable(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    /** A refusal answered to the redirect URI (section 4.1.2.1). */
    private static final class Redirected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String error;

        Redirected(String error, String description) {
            super(description, null, false, false);
            this.error = error;
        }
    }

    @GET
    public Response authorize(@Context UriInfo uri, @Context HttpHeaders headers) {
        return authorize(uri.getQueryParameters(), headers.getHeaderString(HttpHeaders.ACCEPT));
    }

    /** @param accept the request's {@code Accept} header, or null */
    public Response authorize(MultivaluedMap<String, String> query, String accept) {
        App app;
        String redirectUri;
        try {
            app = client(single(query, "client_id", true));
            redirectUri = RedirectUris.resolve(app, single(query, "redirect_uri", true)).orElseThrow(() -> new NotRedirectable(400,
                    "invalid_request", app.redirectUris().size() == 1 ? "redirect_uri is not the one registered for this app"
                            : "redirect_uri is missing or not one of those registered for this app (it must match exactly)"));
        } catch (NotRedirectable refused) {
            return notRedirectable(refused, accept);
        }
        String state = null;
        try {
            state = single(query, "state", false);
            if (state != null && state.length() > MAX_STATE_CHARS) {
                state = null;
                throw new Redirected("invalid_request", "state must be at most " + MAX_STATE_CHARS + " characters");
            }
            AuthorizationRequest request = request(query, app, redirectUri, state);
            String id = pending.put(request);
            return page(200, AuthorizePage.consent(app.name(), request.scopes(), id, null, null), redirectUri).build();
        } catch (Redirected refused) {
            return Response.status(Response.Status.FOUND).location(URI.create(errorUri(redirectUri, refused, state)))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(String body, @Context HttpServletRequest http) {
        return decide(body, http.getRemoteAddr());
    }

    /** @param address the client's address, for the limit on failed sign-ins */
    public Response decide(String body, String address) {
        Map<String, String> form;
        try {
            form = TokenResource.fields(body);
        } catch (OAuthError malformed) {
            return errorPage(400, "This form cannot be read", malformed.getMessage(), null);
        }
        Optional<AuthorizationRequest> taken = pending.take(form.get("pending"));
        if (taken.isEmpty()) {
            return errorPage(400, "This page has expired", "This sign-in page has expired or was already used. Go back to the app and start again.",
                    null);
        }
        AuthorizationRequest request = taken.get();
        Apps currentApps = apps;
        Optional<App> app = currentApps == null ? Optional.empty() : currentApps.find(request.clientId());
        if (app.isEmpty()) {
            return errorPage(currentApps == null ? 503 : 400, "This app is not available", "The app is not registered (any more).", null);
        }
        String decision = form.get("decision");
        if ("deny".equals(decision)) {
            LOG.debug("A user denied app {}", request.clientId());
            return seeOther(RedirectUris.withParameters(request.redirectUri(), parameters("error", "access_denied", "error_description",
                    "the user denied the request", "state", request.state())));
        }
        String email = form.get("email");
        if (!"allow".equals(decision)) {
            return again(200, app.get(), request, email, "Choose Allow or Deny.");
        }
        String password = form.get("password");
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return again(200, app.get(), request, email, "Enter your email and password.");
        }
        AccountService service = accounts;
        if (service == null) {
            return again(503, app.get(), request, email, "Signing in is not available right now; try again in a minute.");
        }
        try {
            limiter.check(email, address);
        } catch (OAuthError tooMany) {
            Response answer = again(tooMany.status(), app.get(), request, email, "Too many failed sign-ins: try again in "
                    + tooMany.retryAfterSeconds() + " seconds.");
            return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds()).build();
        }
        Optional<Account> account = service.authenticate(email, password);
        if (account.isEmpty()) {
            limiter.failed(email, address);
            return again(200, app.get(), request, email, "The email or password is wrong.");
        }
        limiter.succeeded(email);
        String code = codes.issue(request, account.get().id());
        LOG.info("User {} authorized app {} for scope '{}'", account.get().id(), request.clientId(), Scopes.format(request.scopes()));
        return seeOther(RedirectUris.withParameters(request.redirectUri(), parameters("code", code, "state", request.state())));
    }

    private App client(String clientId) {
        if (clientId == null) {
            throw new NotRedirectable(400, "invalid_client", "client_id is required");
        }
        Apps current = apps;
        if (current == null) {
            throw new NotRedirectable(503, "service_unavailable", "apps are not available yet; retry later");
        }
        return current.find(clientId).orElseThrow(() -> new NotRedirectable(400, "invalid_client", "client_id names no registered app"));
    }

    /** Section 4.1.1 and RFC 7636 section 4.3, after the redirect URI is known to be good. */
    private static AuthorizationRequest request(MultivaluedMap<String, String> query, App app, String redirectUri, String state) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getValue().size() > 1) {
                throw new Redirected("invalid_request", "parameter '" + parameter.getKey() + "' must not be repeated");
            }
        }
        String responseType = single(query, "response_type", false);
        if (responseType == null) {
            throw new Redirected("invalid_request", "response_type is required: code");
        }
        if (!responseType.equals("code")) {
            throw new Redirected("unsupported_response_type", "response_type '" + responseType + "' is not supported: use code");
        }
        Set<String> scopes = Scopes.parse(single(query, "scope", false));
        Set<String> beyond = new HashSet<>(scopes);
        beyond.removeAll(Scopes.USER);
        if (!beyond.isEmpty()) {
            throw new Redirected("invalid_scope", "scope " + Scopes.format(beyond) + " is unknown: allowed are " + Scopes.format(Scopes.USER));
        }
        String challenge = single(query, "code_challenge", false);
        String method = single(query, "code_challenge_method", false);
        if (challenge == null) {
            throw new Redirected("invalid_request", "code_challenge is required (PKCE, RFC 7636) with code_challenge_method=S256");
        }
        if (method == null) {
            throw new Redirected("invalid_request", "code_challenge_method is required and must be S256");
        }
        if (!method.equals(Pkce.S256)) {
            throw new Redirected("invalid_request", "code_challenge_method '" + method + "' is not accepted: use S256");
        }
        if (!Pkce.isChallenge(challenge)) {
            throw new Redirected("invalid_request", "code_challenge must be the 43-character base64url SHA-256 of the code_verifier");
        }
        return new AuthorizationRequest(app.clientId(), redirectUri, query.containsKey("redirect_uri")
                && !query.getFirst("redirect_uri").isEmpty(), scopes, state, challenge);
    }

    /**
     * The parameter's one value; null when absent or empty (section 3.1: a parameter without a value is
     * omitted). Repeated: refused when {@code refuseRepeated} (before the redirect URI is known), else left to
     * {@link #request}'s check.
     */
    private static String single(MultivaluedMap<String, String> query, String name, boolean refuseRepeated) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 && refuseRepeated) {
            throw new NotRedirectable(400, "invalid_request", "parameter '" + name + "' must not be repeated");
        }
        String value = values.get(0);
        return value.isEmpty() ? null : value;
    }

    private static String errorUri(String redirectUri, Redirected refused, String state) {
        return RedirectUris.withParameters(redirectUri, parameters("error", refused.error, "error_description", refused.getMessage(), "state", state));
    }

    private static Map<String, String> parameters(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    private Response again(int status, App app, AuthorizationRequest request, String email, String message) {
        String id = pending.put(request);
        return page(status, AuthorizePage.consent(app.name(), request.scopes(), id, email, message), request.redirectUri()).build();
    }

    private static Response notRedirectable(NotRedirectable refused, String accept) {
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains(MediaType.TEXT_HTML)) {
            return Response.status(refused.status).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(ErrorBody.of(refused.status, refused.code, refused.getMessage())).build();
        }
        return errorPage(refused.status, "This app's request cannot be completed", refused.getMessage() + " (" + refused.code + ").", null);
    }

    private static Response errorPage(int status, String title, String message, String redirectUri) {
        return page(status, AuthorizePage.error(title, message), redirectUri).build();
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** @param redirectUri where the page's form may lead, or null for a page without a way back */
    static Response.ResponseBuilder page(int status, String html, String redirectUri) {
        String formAction = "'self'" + (redirectUri == null ? "" : RedirectUris.origin(redirectUri).map(origin -> " " + origin).orElse(""));
        return Response.status(status).type(HTML).entity(html)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action " + formAction
                        + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .header("Referrer-Policy", "no-referrer");
    }
}
