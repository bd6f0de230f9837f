package org.audotics.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL and one Redis: a listener's top tracks and recently played, read on node 2 (and so
 * cached in Redis), then changed by a batch posted on node 1, read the batch on node 2 right after its 2xx, every
 * round.
 */
class HistoryTwoNodeIT {

    private static TwoNodes nodes;
    private static List<String> tracks;
    private static Listener listener;

    @BeforeAll
    static void start() throws Exception {
        nodes = TwoNodes.start("history");
        String lines = IntStream.range(0, 3).mapToObj(i -> TrackLines.track("history-two-" + i, "Two " + i, "history-two-artist-" + i, "two", 40 + i, 0.5,
                230 + i)).collect(Collectors.joining("\n"));
        HttpAnswer imported = nodes.one.importLines(lines);
        assertEquals(200, imported.status(), imported.toString());
        tracks = new ArrayList<>();
        imported.json().get("tracks").forEach(track -> tracks.add(track.get("id").asText()));
        listener = Listener.signUp(nodes.one, "history-two-node");
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static List<String> ids(JsonNode items, boolean played) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add((played ? item.get("track") : item).get("id").asText()));
        return ids;
    }

    private static JsonNode read(String path) throws Exception {
        HttpAnswer answer = listener.get(nodes.two, path);
        assertEquals(200, answer.status(), answer.toString());
        return answer.json();
    }

    @Test
    void aBatchAnsweredOnOneNodeIsInTopTracksAndRecentlyPlayedOnTheOtherRightAfter() throws Exception {
        Map<String, Integer> plays = new HashMap<>();
        tracks.forEach(track -> plays.put(track, 0));
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int sent = 0;
        for (int round = 0; round < 8; round++) {
            // each round makes another track the top one: as many full plays (weight 1 each) as needed to lead by one
            String leader = tracks.get(round % tracks.size());
            int needed = Collections.max(plays.values()) - plays.get(leader) + 1;
            List<String> events = new ArrayList<>();
            for (int i = 0; i < needed; i++) {
                events.add(Listener.play(leader, start.plusSeconds(++sent).toString(), 200_000));
            }
            if (round > 0) {
                // node 2 answers (and caches) the state before this round's batch, twice
                JsonNode before = read("/v1/me/top/tracks?time_range=short_term&limit=10");
                assertEquals(before, read("/v1/me/top/tracks?time_range=short_term&limit=10"), "round " + round + ": a repeated read answers the same");
                read("/v1/me/player/recently-played?limit=50");
            }
            HttpAnswer posted = listener.postEvents(nodes.one, Listener.batch("two-node-" + round, events.toArray(String[]::new)));
            assertEquals(200, posted.status(), posted.toString());
            plays.merge(leader, needed, Integer::sum);

            JsonNode top = read("/v1/me/top/tracks?time_range=short_term&limit=10");
            assertEquals(leader, ids(top.get("items"), false).get(0), "round " + round + ": node 2 reads the batch node 1 answered");
            assertEquals(plays.values().stream().filter(count -> count > 0).count(), top.get("total").asLong(), "round " + round);
            JsonNode recent = read("/v1/me/player/recently-played?limit=50");
            assertEquals(leader, ids(recent.get("items"), true).get(0), "round " + round);
            assertEquals(start.plusSeconds(sent), Instant.parse(recent.get("items").get(0).get("played_at").asText()), "round " + round);
            assertEquals(Math.min(50, sent), recent.get("items").size(), "round " + round);
            JsonNode artists = read("/v1/me/top/artists?time_range=long_term&limit=10");
            assertEquals(top.get("items").get(0).get("artists").get(0).get("id").asText(), ids(artists.get("items"), false).get(0), "round " + round);
        }
    }
}
