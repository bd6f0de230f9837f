package org.audotics.auth.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.Roles;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-start admin on the storage bundle's real embedded database (its unique email constraint decides races). */
class FirstAdminTest {

    @TempDir
    Path data;

    private PooledDatabase database;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data.resolve("db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Another node's account service on the same database; a cheap Argon2 cost keeps the test quick. */
    private DefaultAccountService node() {
        return new DefaultAccountService(() -> new AccountStore(database), new PasswordHasher(7168, 1, 1), PasswordPolicy.standard());
    }

    private AccountStore store() {
        return new AccountStore(database);
    }

    @Test
    void createsAnAdminWhosePasswordIsInAnOwnerOnlyFile() throws Exception {
        DefaultAccountService accounts = node();
        Path file = data.resolve("node1/audotics/admin-password");
        assertTrue(new FirstAdmin(accounts, this::store, file).ensure());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file).strip();
        assertTrue(password.length() >= 40, password.length() + " characters");
        Account admin = accounts.authenticate(FirstAdmin.EMAIL, password).orElseThrow();
        assertEquals(Set.of(Roles.ADMIN, Roles.USER), admin.roles());
    }

    @Test
    void aRestartCreatesNothingAndKeepsThePassword() throws Exception {
        DefaultAccountService accounts = node();
        Path file = data.resolve("node1/audotics/admin-password");
        assertTrue(new FirstAdmin(accounts, this::store, file).ensure());
        String password = Files.readString(file);

        assertFalse(new FirstAdmin(node(), this::store, file).ensure());
        assertEquals(password, Files.readString(file));
        assertTrue(accounts.authenticate(FirstAdmin.EMAIL, password.strip()).isPresent());
    }

    @Test
    void noAdminIsCreatedWhenAnOperatorMadeOneAndDeletedTheFirst() throws Exception {
        DefaultAccountService accounts = node();
        Path file = data.resolve("node1/audotics/admin-password");
        assertTrue(new FirstAdmin(accounts, this::store, file).ensure());
        accounts.register("ops@example.org", "an operator's own passphrase", "Ops", Set.of(Roles.ADMIN));
        accounts.delete(accounts.authenticate(FirstAdmin.EMAIL, Files.readString(file).strip()).orElseThrow().id());
        Files.delete(file);

        assertFalse(new FirstAdmin(accounts, this::store, file).ensure());
        assertFalse(Files.exists(file));
        assertFalse(accounts.authenticate(FirstAdmin.EMAIL, "anything at all").isPresent());
    }

    @Test
    void aServerWhoseAdminsAreAllGoneCreatesTheFirstAdminAgain() throws Exception {
        DefaultAccountService accounts = node();
        Path file = data.resolve("node1/audotics/admin-password");
        accounts.register("user@example.org", "just a user's passphrase", "User");
        assertTrue(new FirstAdmin(accounts, this::store, file).ensure(), "users are no admins");
    }

    @Test
    void twoNodesStartingAtOnceCreateOneAdminAndOneFile() throws Exception {
        Path first = data.resolve("node1/audotics/admin-password");
        Path second = data.resolve("node2/audotics/admin-password");
        FirstAdmin one = new FirstAdmin(node(), this::store, first);
        FirstAdmin two = new FirstAdmin(node(), this::store, second);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> byOne = threads.submit(() -> {
                start.await();
                return one.ensure();
            });
            Future<Boolean> byTwo = threads.submit(() -> {
                start.await();
                return two.ensure();
            });
            start.countDown();
            assertTrue(byOne.get() ^ byTwo.get(), "exactly one node creates the admin");
        } finally {
            threads.shutdown();
        }
        Path written = Files.exists(first) ? first : second;
        assertFalse(Files.exists(first) && Files.exists(second), "one password file");
        assertTrue(node().authenticate(FirstAdmin.EMAIL, Files.readString(written).strip()).isPresent());
        try (var connection = database.dataSource().getConnection();
                var count = connection.prepareStatement("SELECT COUNT(*) FROM user_account WHERE email = ?")) {
            count.setString(1, FirstAdmin.EMAIL);
            try (var row = count.executeQuery()) {
                row.next();
                assertEquals(1, row.getInt(1));
            }
        }
    }
}
