package org.audotics.ratelimit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.audotics.cache.api.Cache;
import org.audotics.ratelimit.api.Decision;
import org.audotics.ratelimit.api.RateLimiter;
import org.audotics.ratelimit.api.RouteGroup;
import org.audotics.ratelimit.api.Requester;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Rate limits counted in the shared {@link Cache}: a {@link SlidingWindow} per (group, token owner) and per (group,
 * address), made of two fixed-window counters each. With a Redis URI configured for the cache bundle every node
 * counts in the same keys, so a client gets the same limit however a load balancer spreads its requests; without
 * one the counts are this process's own.
 *
 * <p>Why not Bucket4j (which STACK.md records as working in our Karaf): its Redis backend needs a Lettuce client,
 * which the cache bundle keeps private, and a second Redis client per bundle is what we avoid; an atomic increment
 * with expiry, which the cache API already gives, is all a sliding-window counter needs. The price is the
 * approximation of the sliding window (it assumes the previous window's requests were spread evenly), which
 * bounds a burst at the window's edge much better than a fixed window does.
 *
 * <p>Per request: one increment per limit in force and one read of both previous-window counters (one round trip).
 */
@Component(service = RateLimiter.class, configurationPid = RateLimitConfig.PID)
@Designate(ocd = RateLimitConfig.class)
public final class SlidingWindowRateLimiter implements RateLimiter {

    static final String KEY_PREFIX = "ratelimit:";
    static final String TOKEN = "token";
    static final String ADDRESS = "address";

    private final Cache cache;
    private final boolean enabled;
    private final long windowMillis;
    private final GroupLimits limits;
    private final Clock clock;

    @Activate
    public SlidingWindowRateLimiter(@Reference Cache cache, RateLimitConfig config) {
        this(cache, config, Clock.systemUTC());
    }

    SlidingWindowRateLimiter(Cache cache, RateLimitConfig config, Clock clock) {
        if (config.window_seconds() < 1 || config.window_seconds() > 3600) {
            throw new IllegalArgumentException("window.seconds must be between 1 and 3600, not " + config.window_seconds());
        }
        this.cache = cache;
        this.enabled = config.enabled();
        this.windowMillis = config.window_seconds() * 1000L;
        this.limits = GroupLimits.of(config);
        this.clock = clock;
    }

    @Override
    public Decision acquire(RouteGroup group, Requester requester) {
        if (!enabled) {
            return Decision.unlimited();
        }
        long now = clock.millis();
        List<Counted> counted = new ArrayList<>(2);
        requester.tokenOwner().ifPresent(owner -> counted.add(new Counted(TOKEN, owner, limits.token(group))));
        counted.add(new Counted(ADDRESS, requester.address(), limits.address(group)));
        counted.removeIf(c -> c.limit == 0);
        if (counted.isEmpty()) {
            return Decision.unlimited();
        }
        List<String> previousKeys = new ArrayList<>(counted.size());
        for (Counted c : counted) {
            SlidingWindow window = new SlidingWindow(windowMillis, c.limit);
            long index = window.index(now);
            OptionalLong current = cache.increment(key(group, c, index), Duration.ofMillis(2 * windowMillis));
            if (current.isEmpty()) {
                return Decision.unlimited(); // counters unreachable: let it through (RateLimiter's contract)
            }
            c.current = current.getAsLong();
            c.previousKey = key(group, c, index - 1);
            previousKeys.add(c.previousKey);
        }
        Map<String, String> previous = cache.getAll(previousKeys);
        Decision decision = null;
        int tightest = Integer.MAX_VALUE;
        for (Counted c : counted) {
            long before = parse(previous.get(c.previousKey));
            SlidingWindow window = new SlidingWindow(windowMillis, c.limit);
            tightest = Math.min(tightest, c.limit);
            if (!window.allows(before, c.current, now)) {
                long retry = window.retryAfterSeconds(before, c.current, now);
                if (decision == null || retry > decision.retryAfterSeconds()) {
                    decision = Decision.refused(c.kind, c.limit, retry);
                }
            }
        }
        return decision != null ? decision : Decision.allowed(tightest);
    }

    private static String key(RouteGroup group, Counted counted, long windowIndex) {
        return KEY_PREFIX + group.name().toLowerCase(Locale.ROOT) + ':' + counted.kind + ':' + counted.subject + ':' + windowIndex;
    }

    private static long parse(String count) {
        if (count == null) {
            return 0;
        }
        try {
            return Long.parseLong(count.strip());
        } catch (NumberFormatException e) {
            return 0; // not one of our counters: count from nothing rather than refuse
        }
    }

    /** One limit in force for this request, and what the cache counted for it. */
    private static final class Counted {
        final String kind;
        final String subject;
        final int limit;
        long current;
        String previousKey;

        Counted(String kind, String subject, int limit) {
            this.kind = kind;
            this.subject = subject;
            this.limit = limit;
        }
    }
}
