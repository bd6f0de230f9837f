package org.audotics.realtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.catalog.api.Track;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.Exclusions;
import org.audotics.recommendation.api.GroupAnswer;
import org.audotics.recommendation.api.GroupRecommendation;
import org.audotics.recommendation.api.GroupRecommendations;
import org.audotics.recommendation.api.GroupRequest;
import org.audotics.recommendation.api.GroupStrategy;
import org.audotics.recommendation.api.NoEngineException;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.realtime.api.Member;
import org.audotics.realtime.api.QueueItem;
import org.audotics.realtime.api.Session;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * A session's group recommendations, through the recommendation API's {@link GroupRecommendations}: for the members
 * present (the {@value Caller#MAX_MEMBERS} longest when there are more), by the session's strategy, leaving out the
 * tracks the session already holds or played. For {@code fairness} the members' satisfaction so far in the session
 * is the starting point ({@link FairSequence}). The recommendation bundle is optional: without it
 * {@link NoEngineException} (503).
 */
@Component(service = SessionRecommender.class)
public final class SessionRecommender {

    /** Candidates asked for per track wanted, for the fair order to choose from. */
    static final int FAIR_CANDIDATES_PER_TRACK = 4;

    /** A recommended track and for whom. */
    public record Suggestion(Track track, double score, Map<String, Double> satisfaction, List<String> forMembers) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile GroupRecommendations groups;

    /** For Declarative Services, which sets the group service when there is one. */
    public SessionRecommender() {
    }

    /** Asking this group service, outside Declarative Services (tests). */
    public SessionRecommender(GroupRecommendations groups) {
        this.groups = groups;
    }

    /**
     * @param sessionItems what the session played and holds, oldest first
     * @param limit        1..{@link RecommendationService#MAX_LIMIT}
     */
    public List<Suggestion> recommend(Session session, List<QueueItem> sessionItems, int limit) {
        GroupRecommendations service = groups;
        if (service == null) {
            throw new NoEngineException();
        }
        List<String> members = session.members().stream().map(Member::userId).limit(Caller.MAX_MEMBERS).toList();
        GroupStrategy strategy = GroupStrategy.fromWireName(session.settings().strategy()).orElse(GroupStrategy.FAIRNESS);
        Set<String> excluded = new LinkedHashSet<>();
        for (int i = sessionItems.size() - 1; i >= 0 && excluded.size() < Exclusions.MAX_EXCLUDED; i--) {
            excluded.add(sessionItems.get(i).trackId());
        }
        Caller caller = Caller.group(members, Map.of());
        RecommendationRequest request = new RecommendationRequest(List.of(), List.of(), List.of(), Map.of(), null,
                RecommendationContext.NONE.withCaller(caller).withExclusions(new Exclusions(excluded, Set.of(), Set.of())));
        if (strategy != GroupStrategy.FAIRNESS) {
            GroupAnswer answer = service.recommend(new GroupRequest(caller, strategy, request, limit));
            return answer.tracks().stream().map(t -> new Suggestion(t.track(), t.score(), t.satisfaction(), t.forWhom())).toList();
        }
        int candidates = Math.min(RecommendationService.MAX_LIMIT, limit * FAIR_CANDIDATES_PER_TRACK);
        GroupAnswer answer = service.recommend(new GroupRequest(caller, GroupStrategy.AVERAGE, request, candidates));
        List<FairSequence.Candidate> pool = answer.tracks().stream().map(t -> new FairSequence.Candidate(t.track().id(), t.satisfaction())).toList();
        List<Suggestion> suggestions = new ArrayList<>();
        for (FairSequence.Chosen chosen : FairSequence.order(pool, members, FairSequence.carried(sessionItems, members), limit)) {
            GroupRecommendation original = answer.tracks().stream().filter(t -> t.track().id().equals(chosen.candidate().trackId())).findFirst().orElseThrow();
            List<String> forWhom = new ArrayList<>();
            forWhom.add(chosen.turnOf());
            original.forWhom().stream().filter(member -> !member.equals(chosen.turnOf())).forEach(forWhom::add);
            suggestions.add(new Suggestion(original.track(), chosen.candidate().average(members), original.satisfaction(), forWhom));
        }
        return suggestions;
    }
}
