package org.audotics.auth.internal.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.audotics.auth.api.Account;
import org.audotics.auth.internal.ProviderTokenCipher;
import org.audotics.auth.internal.accounts.DefaultAccountService;
import org.audotics.auth.internal.accounts.TestAccounts;
import org.audotics.http.api.ApiException;
import org.audotics.storage.internal.EmbeddedDatabase;
import org.audotics.storage.internal.PooledDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linking rules on the real account service and identity table (embedded database). */
class AccountLinkerTest {

    static final Provider OIDC = new Provider("corp", "Corp", Provider.Type.OIDC, "c", "", java.net.URI.create("https://corp.example/"), null, null,
            null, List.of("openid"), null, null, null, null, false);
    static final Provider SPOTIFY = ProviderSettings.parse(java.util.Map.of("providers", "spotify", "provider.spotify.client.id", "s"))
            .providers().get("spotify");
    static final ProviderTokens TOKENS = new ProviderTokens("provider-access-1", "provider-refresh-1", Instant.parse("2026-03-01T13:00:00Z"), null);

    @TempDir
    Path data;
    private PooledDatabase database;
    private DefaultAccountService accounts;
    private ProviderIdentities identities;
    private AccountLinker linker;

    @BeforeEach
    void open() {
        database = EmbeddedDatabase.open(data);
        accounts = TestAccounts.on(database);
        identities = new ProviderIdentities(database, ProviderTokenCipher.forSecret("a-key-encryption-secret-of-enough-length"), Clock.systemUTC());
        linker = new AccountLinker(identities, accounts, accounts);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aNewPersonGetsANewAccountWithoutPassword() {
        Account jane = linker.signIn(SPOTIFY, new ProviderProfile("jane-1", "Jane@Example.org", false, "Jane"), TOKENS);
        assertEquals("jane@example.org", jane.email());
        assertEquals("Jane", jane.displayName());
        assertTrue(accounts.authenticate("jane@example.org", "").isEmpty());
        assertEquals(jane.id(), identities.accountOf("spotify", "jane-1").orElseThrow());
    }

    @Test
    void theSameSubjectIsTheSameAccountWhateverTheEmailSaysNow() {
        Account first = linker.signIn(SPOTIFY, new ProviderProfile("jane-1", "jane@example.org", false, "Jane"), TOKENS);
        ProviderTokens renewed = new ProviderTokens("provider-access-2", null, null, null);
        Account again = linker.signIn(SPOTIFY, new ProviderProfile("jane-1", "jane.new@example.org", false, "J"), renewed);
        assertEquals(first.id(), again.id());
        ProviderTokens stored = identities.tokens("spotify", "jane-1").orElseThrow();
        assertEquals("provider-access-2", stored.accessToken());
        assertEquals("provider-refresh-1", stored.refreshToken(), "kept when no new one came");
        assertNull(stored.expiresAt());
    }

    @Test
    void aVerifiedEmailLinksTheExistingAccount() {
        Account own = accounts.register("ada@example.org", "a tune only I hum", "Ada");
        Account signedIn = linker.signIn(OIDC, new ProviderProfile("sub-ada", "ADA@example.org", true, "Ada L."), TOKENS);
        assertEquals(own.id(), signedIn.id());
        assertEquals(own.id(), identities.accountOf("corp", "sub-ada").orElseThrow());
        assertTrue(accounts.authenticate("ada@example.org", "a tune only I hum").isPresent(), "the password still works");
    }

    @Test
    void anUnverifiedEmailOfAnotherAccountIsRefused() {
        accounts.register("ada@example.org", "a tune only I hum", "Ada");
        ApiException refused = assertThrows(ApiException.class,
                () -> linker.signIn(OIDC, new ProviderProfile("sub-mallory", "ada@example.org", false, "Mallory"), TOKENS));
        assertEquals(409, refused.status());
        assertEquals("email_taken", refused.code());
        assertTrue(identities.accountOf("corp", "sub-mallory").isEmpty());
        assertThrows(ApiException.class, () -> linker.signIn(SPOTIFY, new ProviderProfile("m", "ada@example.org", false, null), TOKENS));
    }

    @Test
    void aTrustedPlainProviderLinksByEmail() {
        Account own = accounts.register("ada@example.org", "a tune only I hum", "Ada");
        Provider trusted = new Provider("example", "Example", Provider.Type.OAUTH2, "c", "", null, SPOTIFY.authorizationUrl(), SPOTIFY.tokenUrl(),
                SPOTIFY.userinfoUrl(), List.of(), "id", "email", "name", Provider.ClientAuth.BASIC, true);
        ProviderProfile profile = ProviderSignIn.profile(trusted, java.util.Map.of("id", 42L, "email", "ada@example.org"));
        assertTrue(profile.emailVerified());
        assertEquals("42", profile.subject());
        assertEquals(own.id(), linker.signIn(trusted, profile, TOKENS).id());
    }

    @Test
    void withoutAnEmailThePlaceholderIsReservedAndStable() {
        Account noEmail = linker.signIn(SPOTIFY, new ProviderProfile("x-1", null, false, null), TOKENS);
        assertTrue(noEmail.email().endsWith("@spotify.invalid"), noEmail.email());
        assertEquals("Spotify user", noEmail.displayName());
        Account badEmail = linker.signIn(SPOTIFY, new ProviderProfile("x-2", "not an email", false, "X"), TOKENS);
        assertTrue(badEmail.email().endsWith("@spotify.invalid"), badEmail.email());
        assertNotEquals(noEmail.email(), badEmail.email());
        assertEquals(AccountLinker.placeholderEmail(SPOTIFY, "x-1"), noEmail.email());
    }

    @Test
    void theProvidersTokensAreNotStoredInPlainText() throws Exception {
        linker.signIn(SPOTIFY, new ProviderProfile("jane-1", "jane@example.org", false, "Jane"), TOKENS);
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT access_token, refresh_token, access_expires_at FROM auth_provider_identity")) {
            row.next();
            assertFalse(row.getString(1).contains("provider-access-1"));
            assertFalse(row.getString(2).contains("provider-refresh-1"));
            assertEquals(TOKENS.expiresAt().toEpochMilli(), row.getLong(3));
        }
        assertEquals("provider-access-1", identities.tokens("spotify", "jane-1").orElseThrow().accessToken());
        ProviderIdentities otherKey = new ProviderIdentities(database, ProviderTokenCipher.forSecret("another-key-encryption-secret-of-length"),
                Clock.systemUTC());
        assertThrows(IllegalStateException.class, () -> otherKey.tokens("spotify", "jane-1"));
    }

    @Test
    void theIdentityGoesWithTheAccount() {
        Account jane = linker.signIn(SPOTIFY, new ProviderProfile("jane-1", "jane@example.org", false, "Jane"), TOKENS);
        accounts.delete(jane.id());
        assertTrue(identities.accountOf("spotify", "jane-1").isEmpty());
        Account again = linker.signIn(SPOTIFY, new ProviderProfile("jane-1", "jane@example.org", false, "Jane"), TOKENS);
        assertNotEquals(jane.id(), again.id());
    }

    @Test
    void aProfileWithoutSubjectIsUnusable() {
        ApiException refused = assertThrows(ApiException.class, () -> ProviderSignIn.profile(SPOTIFY, java.util.Map.of("email", "a@example.org")));
        assertEquals(422, refused.status());
        assertEquals("provider_profile_unusable", refused.code());
        assertEquals("Spotify user", AccountLinker.displayName(SPOTIFY, new ProviderProfile("s", null, false, "\u0007")));
        assertEquals("jane", AccountLinker.displayName(SPOTIFY, new ProviderProfile("s", "jane@example.org", false, null)));
    }
}
