package org.audotics.auth.internal.accounts;

import org.audotics.storage.api.Database;

/** The real account service on a test's database, with the cheapest Argon2id parameters, for tests of other packages. */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static DefaultAccountService on(Database database) {
        return new DefaultAccountService(() -> new AccountStore(database), new PasswordHasher(7168, 1, 1), PasswordPolicy.standard());
    }
}
