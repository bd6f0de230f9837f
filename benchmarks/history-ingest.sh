#!/usr/bin/env bash
# Sustained ingest of POST /v1/me/events on PostgreSQL + Redis: imports 2 000 generated tracks, signs up one listener
# per client, then every client posts batches of events back to back for the given time (HistoryIngestLoad.java).
# Prints events/s acknowledged with a 2xx, non-2xx answers, batch latency percentiles, and the rows counted in the
# database afterwards. Needs the built distribution (mvn -B -o verify -pl itests -am ... or install).
# Usage: benchmarks/history-ingest.sh [seconds=60] [clients=16] [batch=1000] [spread_days=1]
set -euo pipefail
SECONDS_TO_RUN=${1:-60}
CLIENTS=${2:-16}
BATCH=${3:-1000}
SPREAD=${4:-1}
BENCH_DB=${BENCH_DB:-audotics_bench_history}
source "$(dirname "$0")/server.sh"
WORK=$(mktemp -d)
trap 'server_stop; rm -rf "$WORK"' EXIT
server_start
echo "ready after ${READY_MS} ms (${BENCH_BACKEND:-real})"
python3 - > "$WORK/tracks.jsonl" <<'PY'
import json
for i in range(2000):
    print(json.dumps({"external_id": f"hb-{i}", "name": f"Track {i}", "artists": [{"external_id": f"hb-artist-{i % 200}", "name": f"Artist {i % 200}"}],
                      "genres": ["rock"], "popularity": i % 100, "duration_ms": 120000 + i * 37 % 120000}))
PY
import_file "$WORK/tracks.jsonl" > "$WORK/ids"
echo "imported $(wc -l < "$WORK/ids") tracks"
for i in $(seq 1 "$CLIENTS"); do
    email="bench-$i-$RANDOM@history-bench.example.org"
    curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"benchmark passphrase $i\",\"display_name\":\"Bench $i\"}" "localhost:$PORT/v1/auth/register" > /dev/null
    curl -sf "localhost:$PORT/v1/auth/token" -d grant_type=password -d "username=$email" -d "password=benchmark passphrase $i" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' >> "$WORK/tokens"
done
java "$ROOT/benchmarks/src/main/java/org/audotics/history/HistoryIngestLoad.java" "http://localhost:$PORT" "$WORK/tokens" "$WORK/ids" 5 "$BATCH" "$SPREAD" > /dev/null  # warm-up
java "$ROOT/benchmarks/src/main/java/org/audotics/history/HistoryIngestLoad.java" "http://localhost:$PORT" "$WORK/tokens" "$WORK/ids" "$SECONDS_TO_RUN" "$BATCH" "$SPREAD"
if [ "${BENCH_BACKEND:-real}" = real ]; then
    PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -Atc \
      "SELECT 'stored: ' || (SELECT count(*) FROM history_event) || ' events, ' || (SELECT count(*) FROM history_batch) || ' batches, ' || (SELECT count(*) FROM history_track_day) || ' track-day rollups'"
fi
