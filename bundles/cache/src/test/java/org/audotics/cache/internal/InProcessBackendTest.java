package org.audotics.cache.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessBackendTest extends BackendContract {

    private final InProcessBackend backend = new InProcessBackend(1000);

    @Override
    CacheBackend backend() {
        return backend;
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void staysWithinItsSizeBound() {
        var small = new InProcessBackend(10);
        for (int i = 0; i < 1000; i++) {
            small.put("k" + i, "v", Duration.ofMinutes(1));
        }
        long kept = java.util.stream.IntStream.range(0, 1000)
                .filter(i -> small.get("k" + i).isPresent()).count();
        small.close();
        assertEquals(true, kept <= 50, "kept " + kept);
        assertEquals(Optional.empty(), new InProcessBackend(10).get("k0"));
    }
}
