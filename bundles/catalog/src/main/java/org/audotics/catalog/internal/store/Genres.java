package org.audotics.catalog.internal.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.cayenne.ObjectContext;
import org.apache.cayenne.query.SQLSelect;
import org.audotics.catalog.api.Artist;

/** The genres of an album or artist: those of its tracks, most used first (ties by name), at most {@value Artist#MAX_GENRES}. */
final class Genres {

    private Genres() {
    }

    /**
     * @param sql selects (owner id, genre, number of tracks) for the owners {@code $ids}
     * @param into receives owner id to genres; owners without genres are left out
     */
    static void collect(ObjectContext context, String sql, List<String> ids, Map<String, List<String>> into) {
        record Counted(String owner, String genre, long tracks) {
        }
        List<Counted> counted = new ArrayList<>();
        SQLSelect.columnQuery(sql).param("ids", ids).select(context)
                .forEach(row -> counted.add(new Counted((String) row[0], (String) row[1], ((Number) row[2]).longValue())));
        counted.sort(Comparator.comparingLong(Counted::tracks).reversed().thenComparing(Counted::genre));
        for (Counted genre : counted) {
            List<String> genres = into.computeIfAbsent(genre.owner(), owner -> new ArrayList<>());
            if (genres.size() < Artist.MAX_GENRES) {
                genres.add(genre.genre());
            }
        }
    }
}
