#!/usr/bin/env bash
# Requests per second and latency percentiles of GET /v1/tracks/{id} with a warm cache, under wrk.
# Imports the real Spotify tracks from ../shared (19 160 tracks), reads every one once to warm the
# cache, then runs wrk over random ids. Usage: benchmarks/tracks-load.sh [seconds] [connections]
set -euo pipefail
source "$(dirname "$0")/server.sh"
start_with_real_catalog
xargs -P 4 -I{} curl -s -o /dev/null -H "Authorization: Bearer ${BENCH_TOKEN:-$TOKEN}" "localhost:$PORT/v1/tracks/{}" < "$WORK/ids"   # warm the cache
random_id_script "/v1/tracks/" > "$WORK/random-track.lua"
wrk -t2 -c"${2:-32}" -d"${1:-30}s" --latency -s "$WORK/random-track.lua" "http://localhost:$PORT"
echo "RSS after load: $(server_rss_mib) MiB"
