package org.audotics.auth.internal.accounts;

import java.util.Optional;
import org.audotics.auth.api.Account;

/**
 * Accounts of people who sign in with another provider and have no password here. Implemented by
 * {@link DefaultAccountService} (the same accounts as {@code AccountService}); called by the provider
 * sign-in. Internal to the auth bundle: such accounts are made only after a provider vouched for the
 * person, never from a client's request body. Thread-safe.
 */
public interface PasswordlessAccounts {

    /**
     * Creates an account with the role {@code user} and no usable password: {@code authenticate} never
     * accepts any password for it (it still costs the same hashing work as a wrong password).
     *
     * @param email       any letter case; stored lower-cased
     * @param displayName 1 to 100 characters after trimming
     * @throws org.audotics.auth.api.AccountException EMAIL_TAKEN when another account has the email,
     *                                                 INVALID_FIELD naming the field
     */
    Account createWithoutPassword(String email, String displayName);

    /** @return the account with this email (any letter case), or empty */
    Optional<Account> byEmail(String email);
}
