/**
 * Listening history: the events a listener's client reports ({@link org.audotics.history.api.ListeningEvent}:
 * play, skip, like, unlike, ban), stored durably by {@link org.audotics.history.api.HistoryService}, and what is
 * derived from them: recently played tracks, top tracks and artists over a {@link
 * org.audotics.history.api.TimeRange}, play counts, a listener's {@link org.audotics.history.api.TasteProfile}, and
 * the stream of every {@link org.audotics.history.api.Interaction} that a collaborative recommender trains on, and
 * the artists whose listeners overlap an artist's ({@link org.audotics.history.api.CoListenedArtist}), and
 * the tracks a listener banned (since 1.2).
 * Only JDK types.
 */
@Export
@Version("1.2.0")
package org.audotics.history.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
