package org.audotics.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.Roles;
import org.junit.jupiter.api.Test;

class UserAddCommandTest {

    /** Records what the command asked for; refuses the password "weak". */
    private static final class RecordingAccounts implements AccountService {
        String displayName;

        @Override
        public Account register(String email, String password, String displayName) {
            return register(email, password, displayName, Set.of());
        }

        @Override
        public Account register(String email, String password, String displayName, Set<String> extraRoles) {
            if (password.equals("weak")) {
                throw new AccountException(AccountException.Reason.WEAK_PASSWORD, "password must be at least 8 characters long");
            }
            this.displayName = displayName;
            Set<String> roles = new HashSet<>(extraRoles);
            roles.add(Roles.USER);
            return new Account("0123456789abcdefghijkl", email, displayName, null, roles, Instant.EPOCH);
        }

        @Override
        public Optional<Account> authenticate(String email, String password) {
            return Optional.empty();
        }

        @Override
        public Optional<Account> account(String id) {
            return Optional.empty();
        }

        @Override
        public Account update(String id, String displayName, String country) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean changePassword(String id, String currentPassword, String newPassword) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String id) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void addsAnAdminNamedAfterTheEmail() {
        RecordingAccounts accounts = new RecordingAccounts();
        assertEquals("User 0123456789abcdefghijkl <ops@example.org> created with roles [admin, user]",
                UserAddCommand.add(accounts, "ops@example.org", "a long password", null, true));
        assertEquals("ops", accounts.displayName);
    }

    @Test
    void addsAUserWithAGivenName() {
        RecordingAccounts accounts = new RecordingAccounts();
        assertEquals("User 0123456789abcdefghijkl <ada@example.org> created with roles [user]",
                UserAddCommand.add(accounts, "ada@example.org", "a long password", "Ada L.", false));
        assertEquals("Ada L.", accounts.displayName);
    }

    @Test
    void aRefusalIsPrintedInTheServicesWords() {
        assertEquals("Cannot add user: password must be at least 8 characters long",
                UserAddCommand.add(new RecordingAccounts(), "ada@example.org", "weak", null, false));
    }
}
