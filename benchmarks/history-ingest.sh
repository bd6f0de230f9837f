#!/usr/bin/env bash
# Sustained ingest of POST /v1/me/events on PostgreSQL + Redis: imports 2 000 generated tracks, signs up one listener
# per client, then every client posts batches of events back to back for the given time (HistoryIngestLoad.java).
# Prints events/s acknowledged with a 2xx, non-2xx answers, POST latency percentiles (p50/p90/p95/p99), the load
# average before and after, and the rows counted in the database afterwards. Needs the built distribution
# (mvn -B -DskipTests package -pl karaf-assembly -am, or install).
# Usage: benchmarks/history-ingest.sh [seconds=60] [clients=16] [batch=1000] [spread_days=1] [rate=0]
#   rate > 0: offer that many events/s in total (paced clients) and print the latency at that rate; 0: as fast as
#   answers come back.
#   BENCH_NODES=2: two nodes (ports BENCH_PORT and BENCH_PORT+1) on the same PostgreSQL database and Redis prefix,
#   clients split across both; the figure printed is the sum (benchmarks/history-ingest-two-nodes.sh).
set -euo pipefail
SECONDS_TO_RUN=${1:-60}
CLIENTS=${2:-16}
BATCH=${3:-1000}
SPREAD=${4:-1}
RATE=${5:-0}
NODES=${BENCH_NODES:-1}
BENCH_DB=${BENCH_DB:-audotics_bench_history}
source "$(dirname "$0")/server.sh"
WORK=$(mktemp -d)
SECOND_HOME=
SECOND_PID=
SERVER_PID=
SERVER_HOME=
stop_all() {
    if [ -n "$SECOND_HOME" ]; then
        local first_home=$SERVER_HOME first_pid=$SERVER_PID
        SERVER_HOME=$SECOND_HOME SERVER_PID=$SECOND_PID server_stop
        SERVER_HOME=$first_home SERVER_PID=$first_pid
    fi
    server_stop
    rm -rf "$WORK"
}
trap stop_all EXIT
export BENCH_KEK=${BENCH_KEK:-history-bench-key-encryption-secret-$RANDOM$RANDOM}
FIRST_PORT=$PORT
server_start
echo "node 1 ready after ${READY_MS} ms (${BENCH_BACKEND:-real}), port $PORT"
BASES="http://localhost:$PORT"
if [ "$NODES" = 2 ]; then
    first_home=$SERVER_HOME first_pid=$SERVER_PID first_token=$TOKEN
    PORT=$((FIRST_PORT + 1))
    BENCH_JOIN=1 server_start
    SECOND_HOME=$SERVER_HOME SECOND_PID=$SERVER_PID
    echo "node 2 ready after ${READY_MS} ms, port $PORT"
    BASES="$BASES,http://localhost:$PORT"
    SERVER_HOME=$first_home SERVER_PID=$first_pid TOKEN=$first_token PORT=$FIRST_PORT
fi
python3 - > "$WORK/tracks.jsonl" <<'PY'
import json
for i in range(2000):
    print(json.dumps({"external_id": f"hb-{i}", "name": f"Track {i}", "artists": [{"external_id": f"hb-artist-{i % 200}", "name": f"Artist {i % 200}"}],
                      "genres": ["rock"], "popularity": i % 100, "duration_ms": 120000 + i * 37 % 120000}))
PY
import_file "$WORK/tracks.jsonl" > "$WORK/ids"
echo "imported $(wc -l < "$WORK/ids") tracks"
for i in $(seq 1 "$CLIENTS"); do
    email="bench-$i-$RANDOM$RANDOM@history-bench.example.org"
    curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"benchmark passphrase $i\",\"display_name\":\"Bench $i\"}" "localhost:$PORT/v1/auth/register" > /dev/null
    curl -sf "localhost:$PORT/v1/auth/token" -d grant_type=password -d "username=$email" -d "password=benchmark passphrase $i" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' >> "$WORK/tokens"
done
LOAD="$ROOT/benchmarks/src/main/java/org/audotics/history/HistoryIngestLoad.java"
java "$LOAD" "$BASES" "$WORK/tokens" "$WORK/ids" 5 "$BATCH" "$SPREAD" "$RATE" > /dev/null  # warm-up
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java "$LOAD" "$BASES" "$WORK/tokens" "$WORK/ids" "$SECONDS_TO_RUN" "$BATCH" "$SPREAD" "$RATE"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_BACKEND:-real}" = real ]; then
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -Atc \
      "SELECT 'stored: ' || (SELECT count(*) FROM history_event) || ' events, ' || (SELECT count(*) FROM history_batch) || ' batches, ' || (SELECT count(*) FROM history_track_day) || ' track-day rollups'"
fi
