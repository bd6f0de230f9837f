package org.audotics.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.audotics.cache.api.Cache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits failed password sign-ins per account (the email asked for, whether or not an account has it) and
 * per client address, in fixed windows of {@code signin.window.seconds} aligned to the epoch. Once either
 * count of the current window reaches its maximum, {@link #check} refuses every sign-in for that email or
 * from that address, the right password included, until the window ends: 429 {@code too_many_attempts}
 * with {@code Retry-After}. A successful sign-in clears the account's count (not the address's).
 *
 * <p>The counters are {@link Cache#increment} counters, so they live in Redis when the cache bundle has a
 * Redis URI (every node sees the same counts) and in this process otherwise. We count with the cache
 * rather than with a rate-limit library (Bucket4j): its Redis integration needs the Lettuce client the
 * cache bundle keeps private, and an atomic increment with expiry is all a failure counter needs. A fixed
 * window lets an attacker spend up to twice the maximum around a window's end; at 10 guesses per 15
 * minutes that is still nothing against a password. When Redis is unreachable nothing is counted and
 * sign-ins are not limited (the cache logs the outage); the Argon2 cost still bounds guessing.
 *
 * <p>Emails are counted under their SHA-256, so the cache holds no address book. Thread-safe.
 */
@Component(service = SignInLimiter.class, configurationPid = AuthConfig.PID)
public final class SignInLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(SignInLimiter.class);
    private static final String PREFIX = "auth:signin:";

    private final Cache cache;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final long windowMillis;
    private final Clock clock;

    @Activate
    public SignInLimiter(@Reference Cache cache, AuthConfig config) {
        this(cache, config.signin_max_failures_per_account(), config.signin_max_failures_per_address(),
                config.signin_window_seconds(), Clock.systemUTC());
    }

    SignInLimiter(Cache cache, int maxPerAccount, int maxPerAddress, int windowSeconds, Clock clock) {
        if (maxPerAccount < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("signin.max.failures.per.account and .per.address must be at least 1");
        }
        if (windowSeconds < 1 || windowSeconds > 86_400) {
            throw new IllegalArgumentException("signin.window.seconds must be between 1 and 86400");
        }
        this.cache = cache;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.windowMillis = windowSeconds * 1000L;
        this.clock = clock;
    }

    /**
     * Called before the password is checked (and hashed).
     *
     * @throws OAuthError 429 {@code too_many_attempts} with the seconds until the window ends, when the
     *                    email or the address has used up its failures in this window
     */
    public void check(String email, String address) {
        long now = clock.millis();
        long window = now / windowMillis;
        boolean accountBlocked = count(accountKey(email, window)) >= maxPerAccount;
        boolean addressBlocked = count(addressKey(address, window)) >= maxPerAddress;
        if (accountBlocked || addressBlocked) {
            long retryAfter = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
            LOG.debug("Sign-in refused: too many failures {} in this window", accountBlocked ? "for the account" : "from " + address);
            throw OAuthError.tooManyAttempts("too many failed sign-ins; retry after " + retryAfter + " s", retryAfter);
        }
    }

    /** Counts a failed sign-in (wrong password or unknown email alike) against the email and the address. */
    public void failed(String email, String address) {
        long now = clock.millis();
        long window = now / windowMillis;
        Duration rest = Duration.ofMillis((window + 1) * windowMillis - now);
        OptionalLong forAccount = cache.increment(accountKey(email, window), rest);
        OptionalLong fromAddress = cache.increment(addressKey(address, window), rest);
        if (forAccount.isPresent() && forAccount.getAsLong() == maxPerAccount) {
            LOG.warn("Sign-in: an account reached {} failed sign-ins in this {} s window; its sign-ins wait for the window's end",
                    maxPerAccount, windowMillis / 1000);
        }
        if (fromAddress.isPresent() && fromAddress.getAsLong() == maxPerAddress) {
            LOG.warn("Sign-in: address {} reached {} failed sign-ins in this {} s window; its sign-ins wait for the window's end",
                    address, maxPerAddress, windowMillis / 1000);
        }
    }

    /** Clears the email's count of this window: its owner knows the password. */
    public void succeeded(String email) {
        cache.delete(List.of(accountKey(email, clock.millis() / windowMillis)));
    }

    private long count(String key) {
        Optional<String> value = cache.get(key);
        try {
            return value.map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException notACounter) {
            return 0;
        }
    }

    private static String accountKey(String email, long window) {
        return PREFIX + "account:" + sha256(email.strip().toLowerCase(Locale.ROOT)) + ":" + window;
    }

    private static String addressKey(String address, long window) {
        return PREFIX + "address:" + address + ":" + window;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
