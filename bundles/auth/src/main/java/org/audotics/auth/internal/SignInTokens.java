package org.audotics.auth.internal;

import java.util.Map;
import org.audotics.auth.api.Account;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Issues a person's Audotics tokens after a sign-in that did not go through {@link TokenResource} (another
 * provider vouched for them): a new refresh-token family with every user scope, and an access token naming
 * it, exactly as the password grant does. Thread-safe.
 */
@Component(service = SignInTokens.class)
public final class SignInTokens {

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;

    @Activate
    public SignInTokens(@Reference AccessTokens accessTokens, @Reference RefreshTokens refreshTokens) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    /** @return the OAuth 2 token answer's JSON body (RFC 6749 section 5.1): access_token, token_type, expires_in, refresh_token, scope */
    public Map<String, Object> issue(Account account) {
        RefreshTokens.Issued family = refreshTokens.start(account.id(), Scopes.USER);
        String access = accessTokens.issue(account.id(), account.roles(), Scopes.USER, family.familyId());
        return new TokenResource.TokenAnswer(access, "Bearer", accessTokens.ttlSeconds(), family.token(), Scopes.format(Scopes.USER)).body();
    }
}
