package org.audotics.dsp.internal.audio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.audotics.dsp.internal.jobs.Sql;
import org.audotics.storage.api.Database;
import org.audotics.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Signed, short-lived audio links: {@code GET /v1/tracks/{id}/audio?expires=<epoch s>&signature=<HMAC>} plays one
 * track without a bearer header, because a browser's {@code <audio src>} cannot send one. The signature is an
 * HMAC-SHA256 over the track id and the expiry, so a link opens that track only, and only until it expires
 * ({@link #LIFETIME}). The key is 32 random bytes kept in the database ({@code audio_link_key}, created by the first
 * node that needs it), so a link made on one node plays from every node; it never leaves the server.
 */
@Component(service = AudioLinks.class)
public final class AudioLinks {

    /** Long enough for a track and its seeks; a page asks for a new link for each track it plays. */
    public static final Duration LIFETIME = Duration.ofHours(2);
    private static final String ALGORITHM = "HmacSHA256";

    private final Supplier<byte[]> keySource;
    private volatile byte[] key;

    @Activate
    public AudioLinks(@Reference Database database) {
        this(() -> storedKey(database));
    }

    AudioLinks(Supplier<byte[]> keySource) {
        this.keySource = keySource;
    }

    /** A signed link's query parameters. */
    public record Signed(long expires, String signature) {
    }

    /** @return the parameters of a link to the track's audio that expires {@link #LIFETIME} after {@code nowMs} */
    public Signed sign(String trackId, long nowMs) {
        long expires = (nowMs + LIFETIME.toMillis()) / 1000;
        return new Signed(expires, signature(trackId, expires));
    }

    /** @return whether the parameters are a link to this track made by this server that has not yet expired */
    public boolean valid(String trackId, String expires, String signature, long nowMs) {
        if (expires == null || signature == null || !expires.matches("[0-9]{1,12}") || signature.length() > 64) {
            return false;
        }
        long at = Long.parseLong(expires);
        if (at * 1000 <= nowMs || at * 1000 > nowMs + LIFETIME.toMillis() + 60_000) {
            return false;
        }
        return MessageDigest.isEqual(signature(trackId, at).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String trackId, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key(), ALGORITHM));
            byte[] digest = mac.doFinal(("audio-link:v1:" + trackId + ":" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = keySource.get();
                }
                known = key;
            }
        }
        return known;
    }

    /** The shared key: read it, or create it when no node has (the primary key lets one insert win). */
    private static byte[] storedKey(Database database) {
        database.migrate(AudioLinks.class, "db/dsp-changelog.xml");
        Sql sql = new Sql(database.dataSource());
        List<String> found = read(sql);
        if (found.isEmpty()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                sql.update("Creating the audio link key", "INSERT INTO audio_link_key (id, secret) VALUES (1, ?)",
                        Base64.getEncoder().encodeToString(fresh));
            } catch (StorageException e) {
                if (e.reason() != StorageException.Reason.CONFLICT) {
                    throw e;
                }
                // another node made it first: read theirs below
            }
            found = read(sql);
        }
        if (found.isEmpty()) {
            throw new StorageException("Reading the audio link key", StorageException.Reason.FAILED, new IllegalStateException("no key after creating one"));
        }
        return Base64.getDecoder().decode(found.get(0));
    }

    private static List<String> read(Sql sql) {
        return sql.query("Reading the audio link key", "SELECT secret FROM audio_link_key WHERE id = 1", row -> row.getString(1));
    }
}
