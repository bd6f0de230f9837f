package org.audotics.auth.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Accounts and their passwords. Provided by the auth bundle; thread-safe. */
@ProviderType
public interface AccountService {

    /**
     * @throws AccountException (reason EMAIL_TAKEN, WEAK_PASSWORD or INVALID_FIELD, message for the client
     *                          naming the field)
     */
    Account register(String email, String password, String displayName);

    /** Same answer and about the same time for an unknown email and a wrong password. */
    Optional<Account> authenticate(String email, String password);

    Optional<Account> account(String id);
}
