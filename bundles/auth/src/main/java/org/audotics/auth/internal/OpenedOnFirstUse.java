package org.audotics.auth.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A store opened by its first caller (which creates its tables): a database that is down fails that call
 * only, and the next caller tries again, so the component starts before its database does. Thread-safe;
 * the store is opened once.
 *
 * @param <T> the store
 */
public final class OpenedOnFirstUse<T> implements Supplier<T> {

    private final Supplier<T> opener;
    private volatile T opened;

    /** @param opener opens the store; may throw (the database is down), and is then called again next time */
    public OpenedOnFirstUse(Supplier<T> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public T get() {
        T current = opened;
        if (current == null) {
            synchronized (this) {
                current = opened;
                if (current == null) {
                    current = opener.get();
                    opened = current;
                }
            }
        }
        return current;
    }
}
