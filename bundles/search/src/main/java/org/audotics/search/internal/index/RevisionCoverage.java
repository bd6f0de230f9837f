package org.audotics.search.internal.index;

import java.util.TreeSet;

/**
 * Which catalog revisions the search index has taken in: {@link #covered()} is the highest revision such that
 * every write up to it is in the index or waiting as a patch. It rests on the contract of
 * {@code CatalogEvents} (catalog-api 1.4): every write adds exactly one to the revision and its change events
 * carry the revision after it, so a revision seen out of order waits in {@code ahead} until the gap before it
 * fills, and a catalog revision past {@link #covered()} for long is a write whose events never came.
 *
 * <p>The recommendation bundle's feature index keeps its own copy of this bookkeeping: the contract is the
 * catalog's, each consumer follows it privately (a shared helper would be a bundle of its own for 50 lines).
 * Thread-safe: events note revisions on Event Admin's threads, the index thread reads.
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

    /** Everything up to this revision is in the index (a full build read the catalog at it, or an index on disk records it). */
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
