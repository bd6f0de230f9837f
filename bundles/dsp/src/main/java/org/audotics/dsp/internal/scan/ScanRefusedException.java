package org.audotics.dsp.internal.scan;

/**
 * A folder that may not be scanned. One message for every reason (outside the library roots, missing, a
 * file, unreadable), so the answer tells nothing about what exists on the server.
 */
public final class ScanRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScanRefusedException(String requested) {
        super("'" + requested + "' cannot be scanned: give a readable folder inside one of the library roots"
                + " (library.roots in etc/org.audotics.dsp.cfg)");
    }
}
