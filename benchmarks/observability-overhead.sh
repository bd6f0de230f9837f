#!/usr/bin/env bash
# What metrics and the access log cost on GET /v1/tracks/{id}: two servers at once, on the same database server and
# Redis, the same catalog, the same warm cache —
#   "with":    the distribution as shipped (Prometheus metrics, one access-log line per request, request ids);
#   "without": the metrics bundle left out of the copy's audotics feature, and the access-log logger off
#              (etc/org.ops4j.pax.logging.cfg).
# Request ids stay on in both: they are made at the Jetty edge, with no switch (one random 128-bit id per request).
# wrk runs alternating rounds on one server, then the other, so both see the same machine load.
# Usage: benchmarks/observability-overhead.sh [rounds=4] [seconds per round=15] [connections=32]
set -euo pipefail
source "$(dirname "$0")/server.sh"
ROUNDS=${1:-4}
ROUND_SECONDS=${2:-15}
CONNECTIONS=${3:-32}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }

without_observability() {
    local home=$1
    # the metrics bundle out of the copy's audotics feature (the metrics API stays: bundles bind it optionally)
    sed -i '\#<bundle>mvn:org.audotics/audotics-metrics/[^<]*</bundle>#d' "$home"/system/org/audotics/audotics-features/*/audotics-features-*-features.xml
    sed -i 's/^log4j2.logger.access.level = INFO/log4j2.logger.access.level = OFF/' "$home/etc/org.ops4j.pax.logging.cfg"
}

WORK=$(mktemp -d)
HOMES=()
cleanup() {
    for home in "${HOMES[@]}"; do SERVER_HOME=$home server_stop; done
    rm -rf "$WORK"
}
trap cleanup EXIT
python3 "$ROOT/benchmarks/spotify-csv-to-jsonl.py" "${BENCH_DATA:-$ROOT/../shared/data/spotify-features/tracks-by-genre.csv}" > "$WORK/tracks.jsonl" 2>/dev/null

# start_node NAME PORT [PREPARE]: a server with its own database and Redis prefix; its ids in $WORK/NAME.ids
start_node() {
    local name=$1
    PORT=$2 BENCH_DB=audotics_bench_$name BENCH_REDIS_PREFIX=audotics-bench-$name: BENCH_PREPARE=${3:-} server_start
    HOMES+=("$SERVER_HOME")
    PORT=$2 import_file "$WORK/tracks.jsonl" > "$WORK/$name.ids"
    xargs -P 4 -I{} curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "localhost:$2/v1/tracks/{}" < "$WORK/$name.ids"
    cp "$WORK/$name.ids" "$WORK/ids"
    random_id_script "/v1/tracks/" > "$WORK/$name.lua"
    echo "$name: ready in ${READY_MS} ms, $(wc -l < "$WORK/$name.ids") tracks, port $2"
}
start_node with 8281
metrics_with=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" localhost:8281/metrics)
start_node without 8282 without_observability
metrics_without=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" localhost:8282/metrics)
echo "GET /metrics: with → $metrics_with, without → $metrics_without (404: the bundle is out)"
[ "$metrics_with" = 200 ] && [ "$metrics_without" = 404 ] || { echo "the two servers do not differ as intended" >&2; exit 1; }

for round in $(seq 1 "$ROUNDS"); do
    for name in with without; do
        port=$([ $name = with ] && echo 8281 || echo 8282)
        out=$(wrk -t2 -c"$CONNECTIONS" -d"${ROUND_SECONDS}s" --latency -s "$WORK/$name.lua" "http://localhost:$port")
        rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
        p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
        p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
        echo "round $round $name: $rps req/s, p50 $p50, p99 $p99" | tee -a "$WORK/rounds"
    done
done
python3 - "$WORK/rounds" <<'PY'
import statistics, sys
rps = {"with": [], "without": []}
for line in open(sys.argv[1]):
    words = line.split()
    rps[words[2].rstrip(":")].append(float(words[3]))
w, wo = statistics.median(rps["with"]), statistics.median(rps["without"])
print(f"median req/s: with {w:.0f}, without {wo:.0f}; metrics + access log cost {100 * (wo - w) / wo:.1f} % of throughput")
PY
