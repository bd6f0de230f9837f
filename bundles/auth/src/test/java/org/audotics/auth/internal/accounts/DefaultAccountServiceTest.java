package org.audotics.auth.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.audotics.auth.api.Account;
import org.audotics.auth.api.AccountEvents;
import org.audotics.auth.api.AccountException;
import org.audotics.auth.api.AccountException.Reason;
import org.audotics.auth.api.Roles;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Accounts on the storage bundle's real embedded database, with OWASP's Argon2id parameters. */
class DefaultAccountServiceTest {

    private static final String PASSWORD = "a tune only I hum";

    @TempDir
    Path data;

    private PooledDatabase database;
    private DefaultAccountService accounts;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        accounts = service(PasswordHasher.owasp());
    }

    private DefaultAccountService service(PasswordHasher hasher) {
        return new DefaultAccountService(() -> new AccountStore(database), hasher, PasswordPolicy.standard());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Reason refusal(Runnable operation) {
        return assertThrows(AccountException.class, operation::run).reason();
    }

    @Test
    void registersAUserAndSignsInIgnoringTheEmailsLetterCase() {
        Account ada = accounts.register(" Ada.Lovelace@Example.ORG ", PASSWORD, "  Ada  ");
        assertEquals("ada.lovelace@example.org", ada.email());
        assertEquals("Ada", ada.displayName());
        assertEquals(Set.of(Roles.USER), ada.roles());
        assertNull(ada.country());
        assertTrue(ada.id().matches("[0-9A-Za-z]{22}"), ada.id());
        assertEquals(ada, accounts.account(ada.id()).orElseThrow());
        assertEquals(ada, accounts.authenticate("ADA.LOVELACE@example.org", PASSWORD).orElseThrow());
    }

    @Test
    void anEmailIsTakenWhateverItsLetterCase() {
        accounts.register("grace@example.org", PASSWORD, "Grace");
        AccountException taken = assertThrows(AccountException.class, () -> accounts.register("GRACE@Example.org", "another long one", "G"));
        assertEquals(Reason.EMAIL_TAKEN, taken.reason());
        assertEquals("an account with this email already exists", taken.getMessage());
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = i % 2 == 0 ? "race@example.org" : "RACE@example.org";
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    outcomes.add(accounts.register(email, PASSWORD, "Racer"));
                } catch (AccountException e) {
                    outcomes.add(e.reason());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(1, outcomes.stream().filter(Account.class::isInstance).count(), outcomes.toString());
        assertEquals(3, outcomes.stream().filter(Reason.EMAIL_TAKEN::equals).count(), outcomes.toString());
    }

    @Test
    void weakPasswordsAreRefusedNamingTheRule() {
        AccountException shortOne = assertThrows(AccountException.class, () -> accounts.register("a@example.org", "short", "A"));
        assertEquals(Reason.WEAK_PASSWORD, shortOne.reason());
        assertEquals("password must be at least 8 characters long", shortOne.getMessage());
        assertEquals(Reason.WEAK_PASSWORD, refusal(() -> accounts.register("a@example.org", "Password1", "A")));
        assertEquals(Reason.WEAK_PASSWORD, refusal(() -> accounts.register("a@example.org", null, "A")));
        assertTrue(accounts.authenticate("a@example.org", "Password1").isEmpty(), "nothing was created");
    }

    @Test
    void malformedFieldsAreRefusedNamingTheField() {
        for (String email : new String[] {"", "   ", "no-at-sign", "two@@example.org", "a@b", "a b@example.org", "@example.org", "a@.org",
                "a@example.", "x".repeat(65) + "@example.org", "a@" + "d".repeat(250) + ".org"}) {
            AccountException refused = assertThrows(AccountException.class, () -> accounts.register(email, PASSWORD, "A"), email);
            assertEquals(Reason.INVALID_FIELD, refused.reason(), email);
            assertTrue(refused.getMessage().startsWith("field 'email'"), refused.getMessage());
        }
        assertEquals("field 'email' is required", assertThrows(AccountException.class, () -> accounts.register(null, PASSWORD, "A")).getMessage());
        assertEquals("field 'display_name' is required",
                assertThrows(AccountException.class, () -> accounts.register("a@example.org", PASSWORD, " ")).getMessage());
        assertEquals("field 'display_name' must be at most 100 characters long",
                assertThrows(AccountException.class, () -> accounts.register("a@example.org", PASSWORD, "n".repeat(101))).getMessage());
        assertEquals(Reason.INVALID_FIELD, refusal(() -> accounts.register("a@example.org", PASSWORD, "tab\u0007bell")));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        accounts.register("linus@example.org", PASSWORD, "Linus");
        assertTrue(accounts.authenticate("linus@example.org", "a tune only I hummed").isEmpty());
        assertTrue(accounts.authenticate("nobody@example.org", PASSWORD).isEmpty());
        assertTrue(accounts.authenticate("not an email", PASSWORD).isEmpty());
        assertTrue(accounts.authenticate(null, null).isEmpty());
        assertTrue(accounts.authenticate("linus@example.org", "x".repeat(100_000)).isEmpty());
    }

    @Test
    void anUnknownEmailCostsTheSameArgon2idWorkAsAWrongPassword() {
        List<String> verified = new ArrayList<>();
        PasswordHasher counting = new PasswordHasher(PasswordHasher.OWASP_MEMORY_KIB, PasswordHasher.OWASP_ITERATIONS, PasswordHasher.OWASP_PARALLELISM) {
            @Override
            public boolean verify(String password, String encoded) {
                verified.add(encoded);
                return super.verify(password, encoded);
            }
        };
        DefaultAccountService service = service(counting);
        service.register("linus@example.org", PASSWORD, "Linus");
        assertTrue(service.authenticate("linus@example.org", "a wrong password").isEmpty());
        assertTrue(service.authenticate("nobody@example.org", "a wrong password").isEmpty());
        assertTrue(service.authenticate("nobody@example.org", "x".repeat(100_000)).isEmpty());
        assertEquals(3, verified.size(), "one Argon2id verify per answer");
        verified.forEach(hash -> assertFalse(counting.needsRehash(hash), "every verify at the configured cost: " + hash));
    }

    @Test
    void theDatabaseKeepsAnArgon2idHashAndNoPlaintext() throws Exception {
        Account ada = accounts.register("ada@example.org", PASSWORD, "Ada");
        try (Connection connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT * FROM user_account WHERE id = ?")) {
            statement.setString(1, ada.id());
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next());
                assertTrue(row.getString("password_hash").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), row.getString("password_hash"));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    assertFalse(String.valueOf(row.getObject(column)).contains(PASSWORD), "plaintext in " + row.getMetaData().getColumnName(column));
                }
            }
        }
    }

    @Test
    void raisedParametersRehashAPasswordAtItsNextSignIn() throws Exception {
        DefaultAccountService cheap = service(new PasswordHasher(7 * 1024, 1, 1));
        Account ada = cheap.register("ada@example.org", PASSWORD, "Ada");
        assertTrue(storedHash(ada.id()).contains("$m=7168,t=1,p=1$"));
        assertEquals(ada, accounts.authenticate("ada@example.org", PASSWORD).orElseThrow());
        assertTrue(storedHash(ada.id()).contains("$m=19456,t=2,p=1$"), storedHash(ada.id()));
        assertEquals(ada, accounts.authenticate("ada@example.org", PASSWORD).orElseThrow());
    }

    private String storedHash(String id) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT password_hash FROM user_account WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    @Test
    void operatorsAddAdmins() {
        Account root = accounts.register("root@example.org", PASSWORD, "Root", Set.of(Roles.ADMIN));
        assertEquals(Set.of(Roles.USER, Roles.ADMIN), root.roles());
        assertEquals(Set.of(Roles.USER, Roles.ADMIN), accounts.account(root.id()).orElseThrow().roles());
        assertEquals(Reason.INVALID_FIELD, refusal(() -> accounts.register("x@example.org", PASSWORD, "X", Set.of("admin,user"))));
    }

    @Test
    void updateReplacesNameAndCountry() {
        Account ada = accounts.register("ada@example.org", PASSWORD, "Ada");
        Account updated = accounts.update(ada.id(), " Countess ", "gb");
        assertEquals("Countess", updated.displayName());
        assertEquals("GB", updated.country());
        assertEquals(updated, accounts.account(ada.id()).orElseThrow());
        assertNull(accounts.update(ada.id(), "Countess", null).country());
        AccountException country = assertThrows(AccountException.class, () -> accounts.update(ada.id(), "Ada", "XX"));
        assertEquals(Reason.INVALID_FIELD, country.reason());
        assertTrue(country.getMessage().startsWith("field 'country' must be an ISO 3166-1 alpha-2 country code"), country.getMessage());
        assertEquals(Reason.INVALID_FIELD, refusal(() -> accounts.update(ada.id(), "Ada", "GBR")));
        assertEquals(Reason.INVALID_FIELD, refusal(() -> accounts.update(ada.id(), "", "GB")));
        assertEquals(Reason.NOT_FOUND, refusal(() -> accounts.update("0123456789abcdefghijkl", "Ada", "GB")));
    }

    @Test
    void deleteRemovesTheAccountAndTellsOtherBundles() {
        List<Event> posted = new ArrayList<>();
        accounts.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                throw new AssertionError("the auth bundle never waits for listeners");
            }
        };
        Account ada = accounts.register("ada@example.org", PASSWORD, "Ada");
        accounts.delete(ada.id());
        assertTrue(accounts.account(ada.id()).isEmpty());
        assertTrue(accounts.authenticate("ada@example.org", PASSWORD).isEmpty());
        assertEquals(1, posted.size());
        assertEquals(AccountEvents.ACCOUNT_DELETED, posted.get(0).getTopic());
        assertEquals(ada.id(), posted.get(0).getProperty(AccountEvents.USER_ID));
        assertEquals(Reason.NOT_FOUND, refusal(() -> accounts.delete(ada.id())));
        accounts.register("ada@example.org", PASSWORD, "Ada again"); // the address is free again
    }

    @Test
    void anyStringIsAnIdThatMayNameNothing() {
        assertTrue(accounts.account("nope").isEmpty());
        assertTrue(accounts.account("").isEmpty());
        assertTrue(accounts.account(null).isEmpty());
        assertTrue(accounts.account("0123456789abcdefghijkl").isEmpty());
    }

    @Test
    void aPasswordChangeNeedsTheCurrentOneAndReplacesIt() {
        Account ada = accounts.register("ada@example.org", PASSWORD, "Ada");
        assertFalse(accounts.changePassword(ada.id(), "not my password", "a newer tune I hum"));
        assertTrue(accounts.authenticate("ada@example.org", PASSWORD).isPresent(), "a wrong current password changes nothing");
        assertEquals(Reason.WEAK_PASSWORD, refusal(() -> accounts.changePassword(ada.id(), PASSWORD, "short")));
        assertEquals(Reason.WEAK_PASSWORD, refusal(() -> accounts.changePassword(ada.id(), PASSWORD, "ada@example.org")));
        assertTrue(accounts.changePassword(ada.id(), PASSWORD, "a newer tune I hum"));
        assertTrue(accounts.authenticate("ada@example.org", PASSWORD).isEmpty());
        assertTrue(accounts.authenticate("ada@example.org", "a newer tune I hum").isPresent());
        assertFalse(accounts.changePassword(ada.id(), PASSWORD, "yet another tune"), "the old password no longer counts");
        assertEquals(Reason.NOT_FOUND, refusal(() -> accounts.changePassword("0123456789abcdefghijkl", PASSWORD, "a newer tune I hum")));
    }

    @Test
    void anAccountWithoutPasswordNeverSignsInWithOne() {
        Account sam = accounts.createWithoutPassword(" Sam@Example.org ", "Sam");
        assertEquals("sam@example.org", sam.email());
        assertEquals(Set.of(Roles.USER), sam.roles());
        assertEquals(sam, accounts.account(sam.id()).orElseThrow());
        assertEquals(sam, accounts.byEmail("SAM@example.ORG").orElseThrow());
        for (String password : new String[] {"", PASSWORD, DefaultAccountService.NO_PASSWORD, "$argon2id$"}) {
            assertTrue(accounts.authenticate("sam@example.org", password).isEmpty(), password);
        }
    }

    @Test
    void anAccountWithoutPasswordNeedsAFreeEmail() {
        accounts.register("kim@example.org", PASSWORD, "Kim");
        assertEquals(Reason.EMAIL_TAKEN, refusal(() -> accounts.createWithoutPassword("KIM@example.org", "Other Kim")));
        assertEquals(Reason.INVALID_FIELD, refusal(() -> accounts.createWithoutPassword("not an email", "Kim")));
        assertTrue(accounts.byEmail("nobody@example.org").isEmpty());
        assertTrue(accounts.byEmail(null).isEmpty());
    }
}
