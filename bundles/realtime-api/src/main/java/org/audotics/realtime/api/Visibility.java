package org.audotics.realtime.api;

/** Whether a session is listed and open to everyone signed in, or reached only by its invite code. */
public enum Visibility {
    PUBLIC, PRIVATE
}
