package org.audotics.auth.internal;

import javax.annotation.security.RolesAllowed;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.AuthenticatedUser;
import org.audotics.auth.api.Roles;
import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;
import org.audotics.http.api.ErrorResponses;
import org.audotics.http.api.RequiresScope;
import org.audotics.http.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code PUT /v1/me/password} with {@code {"current_password": "...", "new_password": "..."}}: 204, and
 * every sign-in of the account ends — its refresh-token families are revoked and their access tokens denied
 * on every node — so a stolen token does not outlive the password it was got with; the client signs in
 * again with the new password. A wrong current password is 403 {@value #WRONG_PASSWORD} and counts as a
 * failed sign-in ({@link SignInLimiter}: 429 {@code too_many_attempts} with {@code Retry-After} once the
 * account or address has used up its failures, checked before any hashing). A new password the policy
 * refuses is 400 {@code weak_password}.
 *
 * <p>Only the person's own sign-in may do it: a token an app obtained for the user (it carries the app's
 * client id) is 403 {@code forbidden} whatever its scopes, as is the admin token (no person).
 */
@RestResource
@Component(service = PasswordResource.class)
@Path("me/password")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.USER)
public final class PasswordResource {

    static final String MODIFY = "user-modify-private";

    /** 403: the current password given is not the account's. */
    public static final String WRONG_PASSWORD = "wrong_password";

    /** The body: both fields required. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    private final AccountService accounts;
    private final RefreshTokens refreshTokens;
    private final SignInLimiter limiter;

    @Activate
    public PasswordResource(@Reference AccountService accounts, @Reference RefreshTokens refreshTokens, @Reference SignInLimiter limiter) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.limiter = limiter;
    }

    @PUT
    @RequiresScope(MODIFY)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(PasswordChange body, @Context SecurityContext security, @Context HttpServletRequest request) {
        AuthenticatedUser user = (AuthenticatedUser) security.getUserPrincipal();
        if (user.app().isPresent()) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "an app's token cannot change the password; the person signs in themselves");
        }
        if (body == null || body.currentPassword() == null || body.newPassword() == null) {
            throw ApiException.invalidBody("send {\"current_password\": \"...\", \"new_password\": \"...\"}");
        }
        Account account = accounts.account(user.id())
                .orElseThrow(() -> new AccountException(AccountException.Reason.NOT_FOUND, "no user has id '" + user.id() + "'"));
        String address = request.getRemoteAddr();
        try {
            limiter.check(account.email(), address);
        } catch (OAuthError tooMany) {
            return Response.fromResponse(ErrorResponses.of(new ApiException(429, tooMany.error(), tooMany.getMessage())))
                    .header("Retry-After", tooMany.retryAfterSeconds()).build();
        }
        if (!accounts.changePassword(user.id(), body.currentPassword(), body.newPassword())) {
            limiter.failed(account.email(), address);
            throw new ApiException(403, WRONG_PASSWORD, "the current password is wrong");
        }
        limiter.succeeded(account.email());
        refreshTokens.revokeAllOf(user.id());
        return Response.noContent().build();
    }
}
