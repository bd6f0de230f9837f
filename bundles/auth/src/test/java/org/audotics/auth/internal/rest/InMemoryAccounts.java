package org.audotics.auth.internal.rest;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.Roles;

/** A fake account service for the resource tests: accounts and plain passwords in maps, no rules beyond "exists" and "8 characters". */
final class InMemoryAccounts implements AccountService {

    final Map<String, Account> accounts = new ConcurrentHashMap<>();
    final Map<String, String> passwords = new ConcurrentHashMap<>();
    private int next;

    Account add(String email, String displayName) {
        return register(email, "unused", displayName);
    }

    @Override
    public Account register(String email, String password, String displayName) {
        return register(email, password, displayName, Set.of());
    }

    @Override
    public synchronized Account register(String email, String password, String displayName, Set<String> extraRoles) {
        Set<String> roles = new HashSet<>(extraRoles);
        roles.add(Roles.USER);
        String id = String.format("%022d", ++next);
        Account account = new Account(id, email, displayName, null, roles, Instant.parse("2026-01-02T03:04:05Z"));
        accounts.put(id, account);
        passwords.put(id, password);
        return account;
    }

    @Override
    public Optional<Account> authenticate(String email, String password) {
        return Optional.empty();
    }

    @Override
    public Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Account update(String id, String displayName, String country) {
        Account old = account(id).orElseThrow(() -> new AccountException(AccountException.Reason.NOT_FOUND, "no user has id '" + id + "'"));
        if (country != null && country.length() != 2) {
            throw new AccountException(AccountException.Reason.INVALID_FIELD, "field 'country' must be an ISO 3166-1 alpha-2 country code");
        }
        Account updated = new Account(id, old.email(), displayName, country == null ? null : country.toUpperCase(), old.roles(), old.createdAt());
        accounts.put(id, updated);
        return updated;
    }

    @Override
    public boolean changePassword(String id, String currentPassword, String newPassword) {
        account(id).orElseThrow(() -> new AccountException(AccountException.Reason.NOT_FOUND, "no user has id '" + id + "'"));
        if (!passwords.get(id).equals(currentPassword)) {
            return false;
        }
        if (newPassword == null || newPassword.length() < 8) {
            throw new AccountException(AccountException.Reason.WEAK_PASSWORD, "the password must have at least 8 characters");
        }
        passwords.put(id, newPassword);
        return true;
    }

    @Override
    public void delete(String id) {
        if (accounts.remove(id) == null) {
            throw new AccountException(AccountException.Reason.NOT_FOUND, "no user has id '" + id + "'");
        }
    }
}
