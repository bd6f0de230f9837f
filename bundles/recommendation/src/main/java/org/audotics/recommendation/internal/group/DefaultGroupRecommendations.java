package org.audotics.recommendation.internal.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.audotics.auth.api.AccountService;
import org.audotics.catalog.api.ArtistRef;
import org.audotics.catalog.api.CatalogService;
import org.audotics.catalog.api.Track;
import org.audotics.history.api.HistoryService;
import org.audotics.recommendation.api.Caller;
import org.audotics.recommendation.api.EngineInfo;
import org.audotics.recommendation.api.GroupAnswer;
import org.audotics.recommendation.api.GroupRecommendation;
import org.audotics.recommendation.api.GroupRecommendations;
import org.audotics.recommendation.api.GroupRequest;
import org.audotics.recommendation.api.GroupStrategy;
import org.audotics.recommendation.api.NoSeedException;
import org.audotics.recommendation.api.Recommendation;
import org.audotics.recommendation.api.RecommendationContext;
import org.audotics.recommendation.api.RecommendationRequest;
import org.audotics.recommendation.api.RecommendationService;
import org.audotics.recommendation.api.Recommendations;
import org.audotics.recommendation.api.UnknownMemberException;
import org.audotics.recommendation.internal.ListenerTaste;
import org.audotics.recommendation.internal.engine.FeatureSpace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@link GroupRecommendations} over the {@link RecommendationService} (so through the active engine, with its
 * filter) and the members' histories.
 *
 * <ol>
 *   <li>Every member must have an account (when the account service runs): else {@link UnknownMemberException}.</li>
 *   <li>Each member's taste and bans are read from history ({@link ListenerTaste}); every member's bans are
 *       excluded for all.</li>
 *   <li>Candidates: for each counted member with a taste, the engine's answer for them (their taste with the
 *       request's seeds); and, when the request has seeds, the engine's answer for the request alone.</li>
 *   <li>Satisfaction of member {@code m} with candidate {@code t}: with a taste,
 *       {@code 0.6 · sound + 0.4 · familiarity}, where sound is 1 minus the root-mean-square distance between the
 *       track's audio features and the weighted mean of the member's tracks' (each scaled to 0..1), and familiarity
 *       1 for an artist the member plays, 0.5 for a genre of their tracks, else 0; without a taste, the engine's
 *       score for the request alone (0.5 where it did not score the track).</li>
 *   <li>{@link GroupAggregation} orders them by the strategy, keeping the request's artist cap.</li>
 * </ol>
 */
@Component(service = GroupRecommendations.class)
public final class DefaultGroupRecommendations implements GroupRecommendations {

    static final double SOUND_SHARE = 0.6;
    static final double NEUTRAL = 0.5;

    private final RecommendationService recommendations;
    private final CatalogService catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HistoryService history;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;

    @Activate
    public DefaultGroupRecommendations(@Reference RecommendationService recommendations, @Reference CatalogService catalog) {
        this.recommendations = recommendations;
        this.catalog = catalog;
    }

    @Override
    public GroupAnswer recommend(GroupRequest group) {
        Caller members = group.members();
        AccountService knownAccounts = accounts;
        if (knownAccounts != null) {
            for (String member : members.userIds()) {
                if (knownAccounts.account(member).isEmpty()) {
                    throw new UnknownMemberException(member);
                }
            }
        }
        HistoryService listeners = history;
        Map<String, ListenerTaste> tastes = new LinkedHashMap<>();
        Set<String> bans = new HashSet<>(group.request().context().exclusions().bannedTrackIds());
        for (String member : members.userIds()) {
            ListenerTaste taste = listeners == null ? ListenerTaste.NONE : ListenerTaste.read(listeners, member);
            tastes.put(member, taste);
            bans.addAll(taste.bans());
        }
        RecommendationContext shared = group.request().context().withCaller(Caller.ANONYMOUS).withTaste(Map.of())
                .withExclusions(group.request().context().exclusions().withBans(bans));
        int perMember = Math.min(RecommendationService.MAX_LIMIT, Math.max(20, 2 * group.limit()));

        Map<String, Track> candidates = new LinkedHashMap<>();
        Map<String, Double> requestScores = new HashMap<>();
        Map<String, String> producers = new HashMap<>(); // candidate → who proposed it first (engine or fallback)
        EngineInfo engine = null;
        if (!group.request().hasNoSeed()) {
            Recommendations answer = recommendations.recommend(group.request().withContext(shared), perMember);
            engine = answer.engine();
            for (Recommendation recommended : answer.tracks()) {
                candidates.putIfAbsent(recommended.track().id(), recommended.track());
                producers.putIfAbsent(recommended.track().id(), producer(recommended, answer.engine()));
                requestScores.put(recommended.track().id(), recommended.score());
            }
        }
        Map<String, MemberTaste> scorers = new LinkedHashMap<>();
        for (String member : members.userIds()) {
            ListenerTaste taste = tastes.get(member);
            if (taste.tracks().isEmpty()) {
                continue;
            }
            scorers.put(member, MemberTaste.of(taste, catalog));
            if (members.weight(member) > 0) {
                RecommendationContext personal = shared.withCaller(Caller.user(member)).withTaste(taste.tracks());
                Recommendations answer = recommendations.recommend(group.request().withContext(personal), perMember);
                engine = answer.engine();
                for (Recommendation recommended : answer.tracks()) {
                    candidates.putIfAbsent(recommended.track().id(), recommended.track());
                    producers.putIfAbsent(recommended.track().id(), producer(recommended, answer.engine()));
                }
            }
        }
        if (engine == null) {
            throw new NoSeedException();
        }

        List<String> ids = List.copyOf(candidates.keySet());
        List<String> memberIds = members.userIds();
        double[][] satisfaction = new double[memberIds.size()][ids.size()];
        double[] weights = new double[memberIds.size()];
        for (int m = 0; m < memberIds.size(); m++) {
            weights[m] = members.weight(memberIds.get(m));
            MemberTaste taste = scorers.get(memberIds.get(m));
            for (int c = 0; c < ids.size(); c++) {
                satisfaction[m][c] = taste == null ? requestScores.getOrDefault(ids.get(c), NEUTRAL)
                        : taste.satisfaction(candidates.get(ids.get(c)));
            }
        }
        RecommendationContext context = group.request().context();
        Map<String, Integer> perArtist = new HashMap<>();
        List<GroupAggregation.Pick> picks = GroupAggregation.order(group.strategy(), satisfaction, weights, ids,
                group.limit(), c -> {
                    List<String> artists = candidates.get(ids.get(c)).artists().stream().map(ArtistRef::id).distinct().toList();
                    if (context.capsArtists() && artists.stream()
                            .anyMatch(artist -> perArtist.getOrDefault(artist, 0) >= context.maxPerArtist())) {
                        return false;
                    }
                    artists.forEach(artist -> perArtist.merge(artist, 1, Integer::sum));
                    return true;
                });
        List<GroupRecommendation> tracks = new ArrayList<>();
        for (GroupAggregation.Pick pick : picks) {
            Map<String, Double> byMember = new LinkedHashMap<>();
            for (int m = 0; m < memberIds.size(); m++) {
                byMember.put(memberIds.get(m), round(satisfaction[m][pick.candidate()]));
            }
            String producer = producers.get(ids.get(pick.candidate()));
            tracks.add(new GroupRecommendation(candidates.get(ids.get(pick.candidate())), pick.score(), byMember,
                    forWhom(memberIds, weights, satisfaction, pick), producer.equals(engine.name()) ? null : producer));
        }
        return new GroupAnswer(tracks, group.strategy(), engine);
    }

    /** The engine's name for its own ranking, the fallback's name for a track a fallback produced. */
    private static String producer(Recommendation recommended, EngineInfo engine) {
        return recommended.source() == null ? engine.name() : recommended.source();
    }

    /** Members at or above the misery threshold (the one whose turn it was first), else the most satisfied. */
    static List<String> forWhom(List<String> memberIds, double[] weights, double[][] satisfaction, GroupAggregation.Pick pick) {
        List<String> chosen = new ArrayList<>();
        if (pick.turn() >= 0) {
            chosen.add(memberIds.get(pick.turn()));
        }
        int most = -1;
        for (int m = 0; m < memberIds.size(); m++) {
            double value = satisfaction[m][pick.candidate()];
            if (weights[m] > 0 && value >= GroupStrategy.MISERY_THRESHOLD && m != pick.turn()) {
                chosen.add(memberIds.get(m));
            }
            if (weights[m] > 0 && (most < 0 || value > satisfaction[most][pick.candidate()])) {
                most = m;
            }
        }
        if (chosen.isEmpty() && most >= 0) {
            chosen.add(memberIds.get(most));
        }
        return chosen;
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    /** One member's taste as satisfaction: the mean sound of their tracks, their artists and genres. */
    record MemberTaste(double[] mean, Set<String> artists, Set<String> genres) {

        static MemberTaste of(ListenerTaste taste, CatalogService catalog) {
            List<String> ids = List.copyOf(taste.tracks().keySet());
            double[] mean = null;
            double total = 0;
            Set<String> artists = new HashSet<>(taste.artists().keySet());
            Set<String> genres = new HashSet<>();
            for (int from = 0; from < ids.size(); from += CatalogService.MAX_LOOKUP_IDS) {
                Map<String, Track> found = catalog.tracks(ids.subList(from, Math.min(ids.size(), from + CatalogService.MAX_LOOKUP_IDS)));
                for (Track track : found.values()) {
                    genres.addAll(track.genres());
                    track.artists().forEach(artist -> artists.add(artist.id()));
                    if (track.audioFeatures() == null) {
                        continue;
                    }
                    double[] vector = FeatureSpace.vector(track.audioFeatures());
                    double weight = taste.tracks().get(track.id());
                    if (mean == null) {
                        mean = new double[vector.length];
                    }
                    for (int d = 0; d < vector.length; d++) {
                        mean[d] += weight * vector[d];
                    }
                    total += weight;
                }
            }
            if (mean != null) {
                for (int d = 0; d < mean.length; d++) {
                    mean[d] /= total;
                }
            }
            return new MemberTaste(mean, Set.copyOf(artists), Set.copyOf(genres));
        }

        double satisfaction(Track track) {
            double sound = NEUTRAL;
            if (mean != null && track.audioFeatures() != null) {
                double[] vector = FeatureSpace.vector(track.audioFeatures());
                double sum = 0;
                for (int d = 0; d < vector.length; d++) {
                    sum += (vector[d] - mean[d]) * (vector[d] - mean[d]);
                }
                sound = 1 - Math.sqrt(sum / vector.length);
            }
            double familiarity = track.artists().stream().anyMatch(artist -> artists.contains(artist.id())) ? 1
                    : track.genres().stream().anyMatch(genres::contains) ? 0.5 : 0;
            return Math.max(0, Math.min(1, SOUND_SHARE * sound + (1 - SOUND_SHARE) * familiarity));
        }
    }
}
