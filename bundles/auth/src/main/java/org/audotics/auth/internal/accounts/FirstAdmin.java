package org.audotics.auth.internal.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountService;
import org.audotics.auth.api.Roles;
import org.audotics.auth.internal.SecretFile;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-start admin: when no account has the role {@code admin}, creates {@value #EMAIL} with the roles
 * {@code admin} and {@code user} and a random password written to {@code data/audotics/admin-password}
 * (owner-readable only), so a newcomer can sign in with the password grant at once. The database decides
 * between two nodes starting at once (the email's unique constraint): one creates the account and writes
 * the file, the other finds the email taken and writes nothing; a restart finds an admin and does nothing,
 * as it does once an operator has made their own admin and deleted this one.
 */
@Component(service = {})
public final class FirstAdmin {

    /** The first-start admin's email (a {@code .localhost} name: RFC 6761 reserves it, no mail goes there). */
    public static final String EMAIL = "admin@audotics.localhost";
    static final String DISPLAY_NAME = "Administrator";
    static final String PASSWORD_FILE = "admin-password";
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    private static final int RETRY_SECONDS = 5;

    private final AccountService accounts;
    private final Supplier<AccountStore> store;
    private final Path passwordFile;
    private final ScheduledExecutorService creating = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "audotics-auth-first-admin");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public FirstAdmin(@Reference AccountService accounts, @Reference Database database) {
        this(accounts, () -> new AccountStore(database), SecretFile.inDataFolder(PASSWORD_FILE));
        creating.execute(this::createOrRetry);
    }

    /** @param store opened when the check runs (applying the changelog), not here: constructors do no I/O */
    FirstAdmin(AccountService accounts, Supplier<AccountStore> store, Path passwordFile) {
        this.accounts = accounts;
        this.store = store;
        this.passwordFile = passwordFile;
    }

    @Deactivate
    void stop() {
        creating.shutdownNow();
    }

    private void createOrRetry() {
        try {
            ensure();
        } catch (StorageException e) {
            LOG.warn("First-start admin not checked yet ({}); retrying in {} s", e.getMessage(), RETRY_SECONDS);
            creating.schedule(this::createOrRetry, RETRY_SECONDS, TimeUnit.SECONDS);
        } catch (UncheckedIOException e) {
            LOG.error("{}: {}", e.getMessage(), e.getCause().toString());
        }
    }

    /**
     * Creates the account unless an admin exists or its email is taken.
     *
     * @return whether this call created it (and wrote the password file)
     * @throws StorageException when the database is down (nothing written; call again)
     */
    boolean ensure() {
        if (store.get().anyWithRole(Roles.ADMIN)) {
            LOG.debug("An admin account exists: no first-start admin needed");
            return false;
        }
        String password = SecretFile.random();
        try {
            accounts.register(EMAIL, password, DISPLAY_NAME, Set.of(Roles.ADMIN));
        } catch (AccountException e) {
            if (e.reason() == AccountException.Reason.EMAIL_TAKEN) {
                LOG.debug("First-start admin {} exists already", EMAIL);
                return false;
            }
            throw e;
        }
        try {
            SecretFile.write(passwordFile, password);
        } catch (IOException e) {
            throw new UncheckedIOException("admin account " + EMAIL + " created, but its password file " + passwordFile + " could not be written", e);
        }
        LOG.info("First-start admin account {} created; its password is in {} (sign in with grant_type=password)", EMAIL, passwordFile);
        return true;
    }
}
