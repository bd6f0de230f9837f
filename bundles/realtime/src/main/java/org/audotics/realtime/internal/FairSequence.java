package org.audotics.realtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.audotics.realtime.api.QueueItem;

/**
 * The fairness strategy carried over a session's whole sequence, not only the next few items: each member's
 * cumulative satisfaction starts from what the session already gave them ({@link #carried}); then, item by item, the
 * member least satisfied so far (ties: member order) gets the candidate that satisfies them most (ties: the higher
 * average, then the earlier candidate), and every member's satisfaction grows by theirs with it. This is the
 * recommendation API's {@code FAIRNESS} with a starting point; that API has no parameter for one, so the session
 * asks it for scored candidates and orders them here.
 */
final class FairSequence {

    /** A candidate track: each member's satisfaction with it, 0..1. */
    record Candidate(String trackId, Map<String, Double> satisfaction) {

        double of(String member) {
            return satisfaction.getOrDefault(member, 0.0);
        }

        double average(List<String> members) {
            return members.stream().mapToDouble(this::of).average().orElse(0);
        }
    }

    /** A chosen candidate and the member whose turn it was. */
    record Chosen(Candidate candidate, String turnOf) {
    }

    private FairSequence() {
    }

    /**
     * What the session's items gave each member so far: an item the server added counts the satisfactions recorded
     * when it was chosen; an item a member added counts 1 for that member (they chose it) and nothing for the others,
     * whose satisfaction with it is not known.
     */
    static Map<String, Double> carried(List<QueueItem> sessionItems, List<String> members) {
        Map<String, Double> total = new LinkedHashMap<>();
        members.forEach(member -> total.put(member, 0.0));
        for (QueueItem item : sessionItems) {
            if (!item.satisfaction().isEmpty()) {
                item.satisfaction().forEach((member, value) -> total.computeIfPresent(member, (m, sum) -> sum + value));
            } else {
                total.computeIfPresent(item.addedBy(), (m, sum) -> sum + 1.0);
            }
        }
        return total;
    }

    /** @return at most {@code limit} candidates in the fair order, starting from {@code carried} */
    static List<Chosen> order(List<Candidate> candidates, List<String> members, Map<String, Double> carried, int limit) {
        Map<String, Double> total = new LinkedHashMap<>();
        members.forEach(member -> total.put(member, carried.getOrDefault(member, 0.0)));
        List<Candidate> left = new ArrayList<>(candidates);
        List<Chosen> chosen = new ArrayList<>();
        while (chosen.size() < limit && !left.isEmpty() && !members.isEmpty()) {
            String turn = members.get(0);
            for (String member : members) {
                if (total.get(member) < total.get(turn)) {
                    turn = member;
                }
            }
            Candidate best = left.get(0);
            for (Candidate candidate : left) {
                double gain = candidate.of(turn) - best.of(turn);
                if (gain > 1e-12 || (Math.abs(gain) <= 1e-12 && candidate.average(members) > best.average(members) + 1e-12)) {
                    best = candidate;
                }
            }
            left.remove(best);
            for (String member : members) {
                total.merge(member, best.of(member), Double::sum);
            }
            chosen.add(new Chosen(best, turn));
        }
        return chosen;
    }
}
