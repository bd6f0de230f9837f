package org.audotics.auth.internal.providers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.internal.accounts.PasswordlessAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or makes the account of a person a provider vouched for, by these rules:
 * <ol>
 * <li>the identity (provider, subject) is linked: its account, whatever the email says now;</li>
 * <li>else an account has the provider's email and the provider vouches for it (OIDC {@code email_verified}
 * true, or plain OAuth 2 / Spotify configured {@code trust.email = true}): the identity is linked to it;</li>
 * <li>else an account has the email but the provider does not vouch for it: refused, 409 {@code email_taken}
 * (linking would let anyone who can set that email at a lax provider into the account; a second account
 * with the same person's email is not possible, emails being unique);</li>
 * <li>else a new account without a password, with the provider's email, or
 * {@code <hash of subject>@<provider>.invalid} (RFC 2606's reserved domain, so no mail ever goes there)
 * when the provider gave none or one that is not an email address.</li>
 * </ol>
 * The provider's tokens are stored (sealed) with the link and replaced at every sign-in. Thread-safe.
 */
final class AccountLinker {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLinker.class);
    private static final int MAX_NAME_CHARS = 100;

    private final ProviderIdentities identities;
    private final PasswordlessAccounts passwordless;
    private final AccountService accounts;

    AccountLinker(ProviderIdentities identities, PasswordlessAccounts passwordless, AccountService accounts) {
        this.identities = identities;
        this.passwordless = passwordless;
        this.accounts = accounts;
    }

    Account signIn(Provider provider, ProviderProfile profile, ProviderTokens tokens) {
        Optional<Account> linked = linkedAccount(provider, profile);
        if (linked.isPresent()) {
            identities.updateTokens(provider.name(), profile.subject(), tokens);
            return linked.get();
        }
        Optional<Account> sameEmail = profile.email() == null ? Optional.empty() : passwordless.byEmail(profile.email());
        if (sameEmail.isPresent()) {
            if (!profile.emailVerified()) {
                LOG.info("Sign-in with {} refused: its unverified email belongs to account {}", provider.name(), sameEmail.get().id());
                throw SignInErrors.emailTaken(provider.displayName());
            }
            return link(provider, profile, tokens, sameEmail.get(), false);
        }
        Account created = create(provider, profile);
        return link(provider, profile, tokens, created, true);
    }

    private Optional<Account> linkedAccount(Provider provider, ProviderProfile profile) {
        return identities.accountOf(provider.name(), profile.subject()).flatMap(accounts::account);
    }

    /** Links, or (a concurrent sign-in of the same identity linked first) takes that link and drops a just-made account. */
    private Account link(Provider provider, ProviderProfile profile, ProviderTokens tokens, Account account, boolean created) {
        if (identities.link(provider.name(), profile.subject(), account.id(), tokens)) {
            LOG.info("Account {} {} {} identity", account.id(), created ? "created for a" : "linked to a", provider.name());
            return account;
        }
        if (created) {
            accounts.delete(account.id());
        }
        Account winner = linkedAccount(provider, profile)
                .orElseThrow(() -> new IllegalStateException("identity " + provider.name() + " neither linkable nor linked"));
        identities.updateTokens(provider.name(), profile.subject(), tokens);
        return winner;
    }

    private Account create(Provider provider, ProviderProfile profile) {
        String name = displayName(provider, profile);
        if (profile.email() != null) {
            try {
                return passwordless.createWithoutPassword(profile.email(), name);
            } catch (AccountException e) {
                if (e.reason() == AccountException.Reason.EMAIL_TAKEN) {
                    throw SignInErrors.emailTaken(provider.displayName()); // registered between our look-up and now
                }
                if (e.reason() != AccountException.Reason.INVALID_FIELD || !e.getMessage().startsWith("field 'email'")) {
                    throw e;
                }
                LOG.info("Sign-in with {}: its email is not an email address; using a placeholder", provider.name());
            }
        }
        return passwordless.createWithoutPassword(placeholderEmail(provider, profile.subject()), name);
    }

    static String placeholderEmail(Provider provider, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((provider.name() + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12) + "@" + provider.name() + ".invalid";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The provider's name for the person, else their email's local part, else "<Provider> user"; controls dropped, at most 100 characters. */
    static String displayName(Provider provider, ProviderProfile profile) {
        String name = profile.name();
        if (name == null && profile.email() != null) {
            name = profile.email().substring(0, Math.max(1, profile.email().indexOf('@')));
        }
        if (name != null) {
            name = name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME_CHARS)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        }
        return name == null || name.isEmpty() ? provider.displayName() + " user" : name;
    }
}
