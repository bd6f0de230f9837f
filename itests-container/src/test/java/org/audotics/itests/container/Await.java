package org.audotics.itests.container;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition inside the container; a bounded wait for an asynchronous effect, never a timed assertion. */
final class Await {

    static final Duration LONG = Duration.ofSeconds(120);

    private Await() {
    }

    /**
     * Polls until {@code value} answers something {@code accept}s, and returns it.
     *
     * @throws AssertionError with the last answer when {@link #LONG} passes first
     */
    static <T> T until(String what, Supplier<T> value, java.util.function.Predicate<T> accept) throws InterruptedException {
        long deadline = System.nanoTime() + LONG.toNanos();
        T last = null;
        RuntimeException failure = null;
        while (System.nanoTime() < deadline) {
            try {
                last = value.get();
                failure = null;
                if (accept.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            Thread.sleep(50);
        }
        AssertionError error = new AssertionError(what + " did not happen within " + LONG + "; last: " + last);
        if (failure != null) {
            error.initCause(failure);
        }
        throw error;
    }
}
