package org.audotics.dsp.internal.jobs;

import java.util.concurrent.ThreadFactory;

/** Daemon threads named after their job, so a thread dump says what each one does. */
public final class Threads {

    private Threads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
