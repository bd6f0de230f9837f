package org.audotics.auth.internal.accounts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.audotics.auth.internal.OpenedOnFirstUse;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountEvents;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.Roles;
import org.audotics.auth.internal.AuthConfig;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts in the shared database, passwords as Argon2id hashes. The table is created by a thread of
 * this component soon after activation (retrying while the database is unreachable) or by the first
 * request, whichever comes first; so the service is there at once (a request answered 503 through the
 * storage bundle's mapper while the database is down) and needs no restart once the database is back.
 */
@Component(configurationPid = AuthConfig.PID)
public final class DefaultAccountService implements AccountService, PasswordlessAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAccountService.class);
    /** Longer than any password the policy accepts (256 code points are at most 512 chars): cannot match. */
    private static final int MAX_PASSWORD_CHARS = 2 * PasswordPolicy.MAX_LENGTH;
    /** Roles are stored comma-separated: names of lower-case letters and underscores only. */
    private static final String ROLE_NAME = "[a-z_]{1,30}";
    private static final int MIGRATION_RETRY_SECONDS = 5;
    /** The password hash of an account without a password: no PHC string, so no password verifies against it. */
    static final String NO_PASSWORD = "!none";

    /** Optional: without Event Admin no bundle on this node hears of deletions. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin events;

    private final OpenedOnFirstUse<AccountStore> store;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    /** Verified for an unknown email, so that answer costs the same hashing work as a wrong password. */
    private final String dummyHash;

    private final ScheduledExecutorService opening = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "audotics-auth-migration");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public DefaultAccountService(@Reference Database database, AuthConfig config) {
        this(() -> new AccountStore(database), new PasswordHasher(config.password_argon2_memory_kib(), config.password_argon2_iterations(),
                config.password_argon2_parallelism()), PasswordPolicy.standard());
        opening.execute(this::openOrRetry);
    }

    @Deactivate
    void stop() {
        opening.shutdownNow();
    }

    /** Creates the table soon after start, retrying while the database is unreachable (a request may do it first). */
    private void openOrRetry() {
        try {
            store();
        } catch (StorageException e) {
            LOG.warn("Accounts table not ready ({}); retrying in {} s", e.getMessage(), MIGRATION_RETRY_SECONDS);
            opening.schedule(this::openOrRetry, MIGRATION_RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    DefaultAccountService(Supplier<AccountStore> opener, PasswordHasher hasher, PasswordPolicy policy) {
        this.store = new OpenedOnFirstUse<>(opener);
        this.hasher = hasher;
        this.policy = policy;
        this.dummyHash = hasher.hash(AccountIds.next());
    }

    @Override
    public Account register(String email, String password, String displayName) {
        return register(email, password, displayName, Set.of());
    }

    @Override
    public Account register(String email, String password, String displayName, Set<String> extraRoles) {
        String address = AccountFields.email(email);
        String name = AccountFields.displayName(displayName);
        policy.problem(password, address).ifPresent(problem -> {
            throw new AccountException(AccountException.Reason.WEAK_PASSWORD, problem);
        });
        AccountStore accounts = store();
        if (accounts.byEmail(address).isPresent()) {
            throw emailTaken();
        }
        return insert(accounts, address, name, extraRoles, hasher.hash(password));
    }

    @Override
    public Account createWithoutPassword(String email, String displayName) {
        String address = AccountFields.email(email);
        String name = AccountFields.displayName(displayName);
        AccountStore accounts = store();
        if (accounts.byEmail(address).isPresent()) {
            throw emailTaken();
        }
        return insert(accounts, address, name, Set.of(), NO_PASSWORD);
    }

    @Override
    public Optional<Account> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return store().byEmail(email.strip().toLowerCase(java.util.Locale.ROOT)).map(AccountStore.StoredAccount::account);
    }

    private Account insert(AccountStore accounts, String address, String name, Set<String> extraRoles, String passwordHash) {
        Set<String> roles = new HashSet<>(extraRoles);
        roles.add(Roles.USER);
        roles.stream().filter(role -> !role.matches(ROLE_NAME)).findFirst().ifPresent(role -> {
            throw new AccountException(AccountException.Reason.INVALID_FIELD, "role '" + role + "' is no role name (lower-case letters and _)");
        });
        Account account = new Account(AccountIds.next(), address, name, null, roles, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            accounts.insert(account, passwordHash);
        } catch (StorageException e) {
            if (e.reason() == StorageException.Reason.CONFLICT) {
                throw emailTaken(); // another request registered the address between our check and insert
            }
            throw e;
        }
        LOG.info("Account {} registered with roles {}", account.id(), account.roles());
        return account;
    }

    @Override
    public Optional<Account> authenticate(String email, String password) {
        if (email == null || password == null || password.length() > MAX_PASSWORD_CHARS) {
            hasher.verify("", dummyHash);
            return Optional.empty();
        }
        Optional<AccountStore.StoredAccount> found = store().byEmail(email.strip().toLowerCase(java.util.Locale.ROOT));
        if (found.isEmpty()) {
            hasher.verify(password, dummyHash);
            return Optional.empty();
        }
        AccountStore.StoredAccount stored = found.get();
        if (NO_PASSWORD.equals(stored.passwordHash())) {
            hasher.verify(password, dummyHash); // as slow as a wrong password, so the answer does not tell
            return Optional.empty();
        }
        if (!hasher.verify(password, stored.passwordHash())) {
            return Optional.empty();
        }
        if (hasher.needsRehash(stored.passwordHash())) {
            store().replaceHash(stored.account().id(), stored.passwordHash(), hasher.hash(password));
            LOG.info("Account {}: password rehashed with the configured Argon2id parameters", stored.account().id());
        }
        return Optional.of(stored.account());
    }

    @Override
    public Optional<Account> account(String id) {
        if (!AccountIds.plausible(id)) {
            return Optional.empty();
        }
        return store().byId(id).map(AccountStore.StoredAccount::account);
    }

    @Override
    public Account update(String id, String displayName, String country) {
        String name = AccountFields.displayName(displayName);
        String code = AccountFields.country(country);
        if (!AccountIds.plausible(id) || !store().updateProfile(id, name, code)) {
            throw notFound(id);
        }
        return account(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public boolean changePassword(String id, String currentPassword, String newPassword) {
        AccountStore.StoredAccount stored = AccountIds.plausible(id) ? store().byId(id).orElse(null) : null;
        if (stored == null) {
            throw notFound(id);
        }
        if (currentPassword == null || currentPassword.length() > MAX_PASSWORD_CHARS || !hasher.verify(currentPassword, stored.passwordHash())) {
            return false;
        }
        policy.problem(newPassword, stored.account().email()).ifPresent(problem -> {
            throw new AccountException(AccountException.Reason.WEAK_PASSWORD, problem);
        });
        // only if the hash is still the one just verified: a concurrent change wins, and this one reports the
        // current password as wrong, which by then it is
        boolean changed = store().replaceHash(id, stored.passwordHash(), hasher.hash(newPassword));
        if (changed) {
            LOG.info("Account {}: password changed", id);
        }
        return changed;
    }

    @Override
    public Account setRoles(String id, Set<String> roles) {
        Set<String> all = new HashSet<>(roles);
        all.add(Roles.USER);
        all.stream().filter(role -> role == null || !role.matches(ROLE_NAME)).findFirst().ifPresent(role -> {
            throw new AccountException(AccountException.Reason.INVALID_FIELD, "role '" + role + "' is no role name (lower-case letters and _)");
        });
        if (!AccountIds.plausible(id) || !store().updateRoles(id, all)) {
            throw notFound(id);
        }
        LOG.info("Account {}: roles set to {}", id, new java.util.TreeSet<>(all));
        return account(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public long count() {
        return store().count();
    }

    @Override
    public void delete(String id) {
        if (!AccountIds.plausible(id) || !store().delete(id)) {
            throw notFound(id);
        }
        LOG.info("Account {} deleted", id);
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(AccountEvents.ACCOUNT_DELETED, Map.of(AccountEvents.USER_ID, id)));
        }
    }

    private AccountStore store() {
        return store.get();
    }

    private static AccountException emailTaken() {
        return new AccountException(AccountException.Reason.EMAIL_TAKEN, "an account with this email already exists");
    }

    private static AccountException notFound(String id) {
        return new AccountException(AccountException.Reason.NOT_FOUND, "no user has id '" + id + "'");
    }
}
