package org.audotics.recommendation.internal.engine;

import java.util.TreeSet;

/**
 * Which catalog revisions the index has taken in: {@link #covered()} is the highest revision such that every
 * write up to it is in the index or waiting as a patch. Every catalog write adds exactly one to the revision
 * and posts change events carrying it, so revisions seen out of order wait in {@code ahead} until the gap
 * before them fills. Thread-safe: events note revisions on Event Admin's threads, the index thread reads.
 */
final class RevisionCoverage {

    private long covered;
    private final TreeSet<Long> ahead = new TreeSet<>();

    /** @param covered the revision the index starts from (0: none yet) */
    RevisionCoverage(long covered) {
        this.covered = covered;
    }

    /** Notes that the changes of a write at this revision are pending; an old or repeated revision changes nothing. */
    synchronized void note(long revision) {
        if (revision > covered) {
            ahead.add(revision);
            advance();
        }
    }

    /** A full build read the catalog at this revision: everything up to it is in the index. */
    synchronized void built(long revision) {
        if (revision > covered) {
            covered = revision;
            ahead.headSet(revision, true).clear();
        }
        advance();
    }

    /** The catalog's revision went back (its database was replaced): forget what was covered. */
    synchronized void reset() {
        covered = 0;
        ahead.clear();
    }

    private void advance() {
        while (!ahead.isEmpty() && ahead.first() <= covered + 1) {
            covered = Math.max(covered, ahead.pollFirst());
        }
    }

    synchronized long covered() {
        return covered;
    }

    /** @return how many revisions past a gap were seen (for the status) */
    synchronized int waitingPastAGap() {
        return ahead.size();
    }
}
