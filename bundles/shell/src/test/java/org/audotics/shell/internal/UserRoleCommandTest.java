package org.audotics.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.junit.jupiter.api.Test;

class UserRoleCommandTest {

    /** One account, ops@example.org; setRoles refuses what the auth bundle refuses (no role name). */
    private static final class OneAccount implements AccountService {
        Account account = new Account("0123456789abcdefghijkl", "ops@example.org", "Ops", null, Set.of("user"), Instant.EPOCH);
        final Map<String, Integer> calls = new HashMap<>();

        @Override
        public Optional<Account> byEmail(String email) {
            return account.email().equals(email) ? Optional.of(account) : Optional.empty();
        }

        @Override
        public Account setRoles(String id, Set<String> roles) {
            calls.merge("setRoles", 1, Integer::sum);
            for (String role : roles) {
                if (!role.matches("[a-z_]{1,30}")) {
                    throw new AccountException(AccountException.Reason.INVALID_FIELD, "role '" + role + "' is no role name (lower-case letters and _)");
                }
            }
            Set<String> all = new HashSet<>(roles);
            all.add("user");
            account = new Account(account.id(), account.email(), account.displayName(), null, all, account.createdAt());
            return account;
        }

        @Override
        public Account register(String email, String password, String displayName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Account register(String email, String password, String displayName, Set<String> extraRoles) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Account> authenticate(String email, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Account> account(String id) {
            throw new UnsupportedOperationException();
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
    void showsAddsAndRemovesRoles() {
        OneAccount accounts = new OneAccount();
        assertEquals("User 0123456789abcdefghijkl <ops@example.org> has roles [user]",
                UserRoleCommand.change(accounts, "ops@example.org", List.of(), List.of()));
        assertEquals("User 0123456789abcdefghijkl <ops@example.org> now has roles [admin, user]",
                UserRoleCommand.change(accounts, "ops@example.org", List.of("admin"), List.of()));
        assertEquals("User 0123456789abcdefghijkl <ops@example.org> now has roles [user]",
                UserRoleCommand.change(accounts, "ops@example.org", List.of(), List.of("admin")));
    }

    @Test
    void refusesWithoutChanging() {
        OneAccount accounts = new OneAccount();
        assertEquals("Cannot change roles: every account has the role 'user'", UserRoleCommand.change(accounts, "ops@example.org", List.of(), List.of("user")));
        assertEquals("Cannot change roles: no account with the email nobody@example.org",
                UserRoleCommand.change(accounts, "nobody@example.org", List.of("admin"), List.of()));
        assertEquals("Cannot change roles: role 'Admin' is no role name (lower-case letters and _)",
                UserRoleCommand.change(accounts, "ops@example.org", List.of("Admin"), List.of()));
        assertEquals(Set.of("user"), accounts.account.roles());
    }

    @Test
    void barsShowTheShareOrAnUnknownOne() {
        assertEquals("[                    ]   0%", Text.bar(0));
        assertEquals("[##########          ]  50%", Text.bar(0.5));
        assertEquals("[####################] 100%", Text.bar(1));
        assertEquals("[         ?          ]    ?", Text.bar(-1));
    }

    @Test
    void engineNamesCannotCarryFilterSyntax() {
        assertEquals(true, EngineUseCommand.NAME.matcher("feature-knn").matches());
        assertEquals(false, EngineUseCommand.NAME.matcher("x)(recommender.name=*").matches());
        assertEquals(false, EngineUseCommand.NAME.matcher("").matches());
        assertEquals("(recommender.name=hybrid)", Engines.targetFor("hybrid"));
    }
}
