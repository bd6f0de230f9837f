package org.audotics.auth.internal.providers;

import org.audotics.http.api.ApiException;
import org.audotics.http.api.ErrorCodes;

/**
 * The refusals of a sign-in with another provider, in our error body. The messages are for the person's
 * client; they never hold a token, a code or a secret.
 */
final class SignInErrors {

    /** 400: the state is unknown, expired, already used, or of another provider. */
    static final String INVALID_STATE = "invalid_state";
    /** 400: the person declined at the provider ({@code error=access_denied} in the callback). */
    static final String ACCESS_DENIED = "access_denied";
    /** 400: the provider answered the callback with another error. */
    static final String PROVIDER_ERROR = "provider_error";
    /** 400: the provider's token endpoint refused the authorization code (e.g. invalid_grant). */
    static final String PROVIDER_REFUSED = "provider_refused";
    /** 401: the provider's id_token does not verify (signature, issuer, audience, expiry, nonce). */
    static final String INVALID_ID_TOKEN = "invalid_id_token";
    /** 422: the provider's answer lacks what a sign-in needs (a subject). */
    static final String PROVIDER_PROFILE_UNUSABLE = "provider_profile_unusable";
    /** 503: the provider is unreachable or answered a server error; answered with Retry-After. */
    static final String PROVIDER_UNAVAILABLE = "provider_unavailable";
    /** 409: an account has the email the provider gave, and the provider does not vouch for it. */
    static final String EMAIL_TAKEN = "email_taken";

    private SignInErrors() {
    }

    static ApiException unknownProvider(String name) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, "no sign-in provider is named '" + name + "' (GET /v1/auth/oauth lists them)");
    }

    static ApiException invalidState() {
        return new ApiException(400, INVALID_STATE,
                "the sign-in's state is unknown, expired or already used: start again at GET /v1/auth/oauth/{provider}/authorize");
    }

    static ApiException denied(String provider, String error, String description) {
        String told = description == null || description.isBlank() ? "" : " (" + printable(description) + ")";
        if ("access_denied".equals(error)) {
            return new ApiException(400, ACCESS_DENIED, "the sign-in was declined at " + provider + told);
        }
        return new ApiException(400, PROVIDER_ERROR, provider + " answered the sign-in with error '" + printable(error) + "'" + told);
    }

    static ApiException refused(String provider, String what) {
        return new ApiException(400, PROVIDER_REFUSED, provider + " refused " + what);
    }

    static ApiException invalidIdToken(String provider, String why) {
        return new ApiException(401, INVALID_ID_TOKEN, "the id_token from " + provider + " is not valid: " + why);
    }

    static ApiException unusable(String provider, String why) {
        return new ApiException(422, PROVIDER_PROFILE_UNUSABLE, provider + "'s answer cannot be used: " + why);
    }

    static ApiException unavailable(String provider, String why) {
        return new ApiException(503, PROVIDER_UNAVAILABLE, provider + " is not reachable right now (" + why + "); retry later");
    }

    static ApiException emailTaken(String provider) {
        return new ApiException(409, EMAIL_TAKEN, "an account with the email " + provider + " gave already exists, and " + provider
                + " does not vouch that the email is yours: sign in to that account with its password instead");
    }

    /** At most 200 printable ASCII characters of what the provider said, so a hostile provider cannot inject anything odd. */
    static String printable(String text) {
        String kept = text.codePoints().filter(c -> c >= 0x20 && c < 0x7f).limit(200)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.isEmpty() ? "?" : kept;
    }
}
