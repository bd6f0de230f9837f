#!/usr/bin/env bash
# What metrics and the access log cost on GET /v1/tracks/{id}: four servers at once, on the same database server
# and Redis, the same catalog, each cache warmed the same way —
#   "with":          the distribution as shipped (Prometheus metrics, one access-log line per request, request ids);
#   "no-access-log": the access-log logger off (etc/org.ops4j.pax.logging.cfg, the admin's switch);
#   "no-metrics":    the metrics bundle left out of the copy's audotics feature;
#   "without":       both;
#   "lean-log":      as shipped, but pax-logging neither posts each log event to Event Admin nor keeps it for the
#                    OSGi LogReaderService, and takes no lock per event (etc/system.properties) — what the access log
#                    costs beyond writing its line.
# VARIANTS="with lean-log without" picks some (the figures are relative to "without", which must be among them).
# Request ids stay on in all: they are made at the Jetty edge, with no switch (one random 128-bit id per request).
# wrk runs rounds on each server in turn, so all see the same machine load; besides requests per second it
# reports the server's CPU time per request (from /proc), which other load on the machine disturbs less.
# Usage: benchmarks/observability-overhead.sh [rounds=4] [seconds per round=15] [connections=32]
set -euo pipefail
source "$(dirname "$0")/server.sh"
ROUNDS=${1:-4}
ROUND_SECONDS=${2:-15}
CONNECTIONS=${3:-32}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }

# The two switches, applied to a server copy's etc/ and feature file before it starts.
no_metrics() {
    # the metrics bundle out of the copy's audotics feature (the metrics API stays: bundles bind it optionally)
    sed -i '\#<bundle>mvn:org.audotics/audotics-metrics/[^<]*</bundle>#d' "$1"/system/org/audotics/audotics-features/*/audotics-features-*-features.xml
}
no_access_log() {
    sed -i 's/^log4j2.logger.access.level = INFO/log4j2.logger.access.level = OFF/' "$1/etc/org.ops4j.pax.logging.cfg"
}
without() {
    no_metrics "$1"
    no_access_log "$1"
}
lean_log() {
    printf '%s\n' 'org.ops4j.pax.logging.eventAdminEnabled = false' 'org.ops4j.pax.logging.logReaderEnabled = false' \
        'org.ops4j.pax.logging.useLocks = false' >> "$1/etc/system.properties"
}

WORK=$(mktemp -d)
HOMES=()
cleanup() {
    # each server_stop waits for its own server only (SERVER_PID is the last one started)
    for home in "${HOMES[@]}"; do SERVER_HOME=$home SERVER_PID= server_stop; done
    rm -rf "$WORK"
}
trap cleanup EXIT
python3 "$ROOT/benchmarks/spotify-csv-to-jsonl.py" "${BENCH_DATA:-$ROOT/../shared/data/spotify-features/tracks-by-genre.csv}" > "$WORK/tracks.jsonl" 2>/dev/null

# start_node NAME PORT [PREPARE]: a server with its own database and Redis prefix, its cache warmed by wrk
start_node() {
    local name=$1 port=$2
    PORT=$port BENCH_DB=audotics_bench_${name//-/_} BENCH_REDIS_PREFIX=audotics-bench-$name: BENCH_PREPARE=${3:-} server_start
    HOMES+=("$SERVER_HOME")
    PORT=$port import_file "$WORK/tracks.jsonl" > "$WORK/ids"
    random_id_script "/v1/tracks/" > "$WORK/$name.lua"
    cp "$WORK/ids" "$WORK/$name.ids"
    sed -i "s#$WORK/ids#$WORK/$name.ids#" "$WORK/$name.lua"
    wrk -t2 -c"$CONNECTIONS" -d20s -s "$WORK/$name.lua" "http://localhost:$port" > /dev/null
    local metrics
    metrics=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "localhost:$port/metrics")
    echo "$name: ready in ${READY_MS} ms, $(wc -l < "$WORK/$name.ids") tracks, port $port, GET /metrics → $metrics"
    PORTS[$name]=$port
    PIDS[$name]=$(pgrep -f "karaf.base=$SERVER_HOME" | head -n 1)
}
declare -A PORTS PIDS
# CPU time the server process has used (user + system), in clock ticks
cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$1/stat"
}
read -r -a VARIANTS <<< "${VARIANTS:-with no-access-log no-metrics without}"
port=8281
for name in "${VARIANTS[@]}"; do
    case $name in
        with) start_node with $port ;;
        no-access-log) start_node no-access-log $port no_access_log ;;
        no-metrics) start_node no-metrics $port no_metrics ;;
        without) start_node without $port without ;;
        lean-log) start_node lean-log $port lean_log ;;
    esac
    port=$((port + 1))
done

for round in $(seq 1 "$ROUNDS"); do
    for name in "${VARIANTS[@]}"; do
        port=${PORTS[$name]}
        before=$(cpu_ticks "${PIDS[$name]}")
        out=$(wrk -t2 -c"$CONNECTIONS" -d"${ROUND_SECONDS}s" --latency -s "$WORK/$name.lua" "http://localhost:$port")
        after=$(cpu_ticks "${PIDS[$name]}")
        requests=$(awk '/requests in/ {print $1}' <<< "$out")
        cpu_us=$(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests ))
        rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
        p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
        p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
        echo "round $round $name: $rps req/s, p50 $p50, p99 $p99, server CPU $cpu_us µs per request" | tee -a "$WORK/rounds"
    done
done
python3 - "$WORK/rounds" <<'PY'
import statistics, sys
rps, cpu = {}, {}
for line in open(sys.argv[1]):
    words = line.split()
    name = words[2].rstrip(":")
    rps.setdefault(name, []).append(float(words[3]))
    cpu.setdefault(name, []).append(float(words[words.index("CPU") + 1]))
base_rps, base_cpu = statistics.median(rps["without"]), statistics.median(cpu["without"])
for name in rps:
    r, c = statistics.median(rps[name]), statistics.median(cpu[name])
    print(f"{name:14s} median {r:7.0f} req/s ({100 * (r - base_rps) / base_rps:+6.1f} %), "
          f"server CPU {c:5.0f} µs per request ({100 * (c - base_cpu) / base_cpu:+6.1f} % against without)")
PY
