#!/usr/bin/env bash
# Reads at 10 million stored events, on PostgreSQL: starts the server once so it creates the history tables
# (its own Liquibase changelog), stops it, fills history_event with generate_series (10 000 listeners x 1 000
# events over 365 days, 2 000 tracks, 200 artists), builds the daily rollups from them as ingest would have, and
# times the queries the history bundle runs (recently played, top tracks/artists per range, play counts), each
# for 20 random listeners, printing p50 and max in ms. Usage: benchmarks/history-reads-10m.sh [events=10000000]
# (BENCH_KEEP=1 keeps the filled database; BENCH_REUSE=1 times the queries on it again without filling)
set -euo pipefail
EVENTS=${1:-10000000}
BENCH_DB=${BENCH_DB:-audotics_bench_history_reads}
source "$(dirname "$0")/server.sh"
SQL="psql -q -h 127.0.0.1 -U postgres -d $BENCH_DB -v ON_ERROR_STOP=1"
export PGPASSWORD=postgres
if [ "${BENCH_REUSE:-0}" != 1 ]; then  # BENCH_REUSE=1: time the queries on the database a previous run filled
server_start
server_stop
started=$(date +%s)
$SQL <<SQLEOF
INSERT INTO history_event (user_id, track_id, event_type, started_at, ms_played, weight, context_type, context_id)
SELECT 'u' || (n % 10000), 't' || ((n * 7919) % 2000),
       (ARRAY['play','play','play','play','play','play','skip','skip','like','ban'])[1 + (n * 31) % 10],
       extract(epoch FROM now())::bigint * 1000 - ((n * 104729) % (365::bigint * 86400000)), (n * 13) % 240000,
       0.5, 'playlist', 'pl-' || (n % 50)
FROM generate_series(1::bigint, $EVENTS::bigint) AS n;
UPDATE history_event SET weight = CASE event_type WHEN 'play' THEN least(1.0, ms_played / 180000.0) WHEN 'skip' THEN -0.5
                                                  WHEN 'like' THEN 2.0 WHEN 'unlike' THEN -2.0 ELSE -4.0 END;
INSERT INTO history_track_day (user_id, track_id, day_number, score, plays)
SELECT user_id, track_id, (started_at / 86400000)::int, sum(weight), count(*) FILTER (WHERE event_type = 'play')
FROM history_event GROUP BY 1, 2, 3;
INSERT INTO history_artist_day (user_id, artist_id, day_number, score, plays)
SELECT user_id, 'a' || (substr(track_id, 2)::int % 200), day_number, sum(score), sum(plays)
FROM history_track_day GROUP BY 1, 2, 3;
VACUUM ANALYZE history_event;
VACUUM ANALYZE history_track_day;
VACUUM ANALYZE history_artist_day;
SQLEOF
echo "filled in $(( $(date +%s) - started )) s: $($SQL -Atc "SELECT count(*) FROM history_event") events, \
$($SQL -Atc "SELECT count(*) FROM history_track_day") track-day rows, $($SQL -Atc "SELECT count(*) FROM history_artist_day") artist-day rows, \
$($SQL -Atc "SELECT pg_size_pretty(pg_total_relation_size('history_event'))") for the events"
fi
TODAY=$(( $(date +%s) / 86400 ))
time_query() { # label, SQL with :u for the user id
    local label=$1 query=$2 times=()
    for i in $(seq 1 20); do
        local u="'u$(( (i * 4973) % 10000 ))'"
        local ms
        ms=$($SQL -At -c '\timing on' -c "${query//:u/$u}" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
        times+=("$ms")
    done
    printf '%-58s p50 %6.1f ms  max %6.1f ms\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 10p)" "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)"
}
time_query "recently played, newest 50" "SELECT track_id, started_at, context_type, context_id FROM history_event WHERE user_id = :u AND event_type = 'play' ORDER BY started_at DESC, sequence DESC LIMIT 50"
time_query "recently played, 50 before a cursor 6 months back" "SELECT track_id, started_at FROM history_event WHERE user_id = :u AND event_type = 'play' AND started_at < extract(epoch FROM now() - interval '182 days')::bigint * 1000 ORDER BY started_at DESC, sequence DESC LIMIT 50"
for range in "short_term:$((TODAY - 27))" "medium_term:$((TODAY - 181))" "long_term:"; do
    name=${range%%:*}; day=${range#*:}
    where=""; [ -n "$day" ] && where="AND day_number >= $day"
    time_query "top tracks, $name, first 50" "SELECT track_id, SUM(score) AS s, SUM(plays) AS p, COUNT(*) OVER () FROM history_track_day WHERE user_id = :u $where GROUP BY track_id HAVING SUM(score) > 0 ORDER BY s DESC, p DESC, track_id LIMIT 50 OFFSET 0"
    time_query "top artists, $name, first 50" "SELECT artist_id, SUM(score) AS s, SUM(plays) AS p, COUNT(*) OVER () FROM history_artist_day WHERE user_id = :u $where GROUP BY artist_id HAVING SUM(score) > 0 ORDER BY s DESC, p DESC, artist_id LIMIT 50 OFFSET 0"
done
time_query "play counts of 100 tracks" "SELECT track_id, SUM(plays) FROM history_track_day WHERE user_id = :u AND track_id IN ($(seq -s, -f "'t%g'" 1 100)) GROUP BY track_id"
time_query "interactions export, one page of 10 000" "SELECT sequence, user_id, track_id, weight, started_at FROM history_event WHERE sequence > 5000000 ORDER BY sequence LIMIT 10000"
[ "${BENCH_KEEP:-0}" = 1 ] || psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"
