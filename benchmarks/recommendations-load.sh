#!/usr/bin/env bash
# Requests per second and latency of GET /v1/recommendations (feature-knn engine, 19 160 tracks):
# random seed track, a target and a bound per request. Usage: benchmarks/recommendations-load.sh [seconds] [connections]
set -euo pipefail
source "$(dirname "$0")/server.sh"
start_with_real_catalog
# the index catches up with the import on its own thread: wait until it holds every track
for _ in $(seq 1 600); do
    curl -s "localhost:$PORT/health/ready" | grep -q "index of $(wc -l < "$WORK/ids") tracks" && break
    sleep 0.1
done
random_id_script "/v1/recommendations?limit=20&target_energy=0.8&min_tempo=100&seed_tracks=" > "$WORK/recommend.lua"
wrk -t2 -c"${2:-8}" -d"${1:-30}s" --latency -s "$WORK/recommend.lua" "http://localhost:$PORT"
echo "RSS after load: $(server_rss_mib) MiB"
