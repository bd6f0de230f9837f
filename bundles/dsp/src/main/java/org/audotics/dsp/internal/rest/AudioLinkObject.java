package org.audotics.dsp.internal.rest;

/** A signed audio link (snake_case JSON): {@code url} plays the track without a token until {@code expires_at}. */
record AudioLinkObject(String url, String expiresAt) {
}
