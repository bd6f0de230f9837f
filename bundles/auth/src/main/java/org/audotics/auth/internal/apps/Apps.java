package org.audotics.auth.internal.apps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.audotics.auth.internal.OpenedOnFirstUse;
import org.audotics.storage.api.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third-party apps (OAuth clients) in the shared database. A client id is 16 random bytes and a secret 32,
 * both base64url; the secret is answered once, at registration, and stored as its SHA-256 (enough for 256
 * random bits: no password to stretch). Callers pass the owner's user id, validated names and URIs.
 * Thread-safe; the table is created by the first call.
 */
@Component(service = Apps.class)
public final class Apps {

    /** A new app and its secret, the only time the secret is known. */
    public record Registered(App app, String clientSecret) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Apps.class);
    /** Base64url without padding of 16 bytes. */
    private static final String CLIENT_ID = "[A-Za-z0-9_-]{22}";

    private final OpenedOnFirstUse<AppStore> store;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    /** Compared against for an unknown client id, so that answer does the same work as a wrong secret. */
    private final String dummyHash = hash("no client has this secret");

    @Activate
    public Apps(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    Apps(Database database, Clock clock) {
        this.store = new OpenedOnFirstUse<>(() -> new AppStore(database));
        this.clock = clock;
    }

    /** @throws org.audotics.storage.api.StorageException CONFLICT when the owner's account is gone */
    public Registered register(String owner, String name, List<String> redirectUris) {
        App app = new App(randomText(16), name, redirectUris, owner, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        String secret = randomText(32);
        store.get().insert(app, hash(secret));
        LOG.info("User {} registered app {}", owner, app.clientId());
        return new Registered(app, secret);
    }

    public List<App> owned(String owner) {
        return store.get().byOwner(owner);
    }

    /** @return whether the owner had the app; another user's app is left alone and answers false */
    public boolean delete(String owner, String clientId) {
        boolean deleted = clientId.matches(CLIENT_ID) && store.get().delete(owner, clientId);
        if (deleted) {
            LOG.info("User {} deleted app {}", owner, clientId);
        }
        return deleted;
    }

    /** @return the app whose id and secret these are; empty for an unknown id or a wrong secret */
    public Optional<App> authenticate(String clientId, String clientSecret) {
        Optional<AppStore.StoredApp> found = clientId.matches(CLIENT_ID) ? store.get().byClientId(clientId) : Optional.empty();
        String expected = found.map(AppStore.StoredApp::secretHash).orElse(dummyHash);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), hash(clientSecret).getBytes(StandardCharsets.US_ASCII));
        return matches ? found.map(AppStore.StoredApp::app) : Optional.empty();
    }

    /** The registered app with that client id (for the authorization endpoint, which knows no secret); empty when none. */
    public Optional<App> find(String clientId) {
        return clientId != null && clientId.matches(CLIENT_ID) ? store.get().byClientId(clientId).map(AppStore.StoredApp::app) : Optional.empty();
    }

    /** Whether the app is still registered (its tokens are refused once it is not). */
    public boolean exists(String clientId) {
        return clientId.matches(CLIENT_ID) && store.get().byClientId(clientId).isPresent();
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
