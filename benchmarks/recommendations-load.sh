#!/usr/bin/env bash
# Requests per second and latency of GET /v1/recommendations (feature-knn engine, 19 160 tracks):
# random seed track, a target and a bound per request. Usage: benchmarks/recommendations-load.sh [seconds] [connections]
set -euo pipefail
source "$(dirname "$0")/server.sh"
SECONDS_TO_RUN=${1:-30}
CONNECTIONS=${2:-8}
DATA=${BENCH_DATA:-$ROOT/../shared/data/spotify-features/tracks-by-genre.csv}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }

work=$(mktemp -d)
trap 'server_stop; rm -rf "$work"' EXIT
python3 "$ROOT/benchmarks/spotify-csv-to-jsonl.py" "$DATA" > "$work/tracks.jsonl" 2>/dev/null
server_start
import_file "$work/tracks.jsonl" > "$work/ids"
curl -s -o /dev/null "localhost:$PORT/v1/recommendations?seed_genres=dance"   # builds the index
{
    echo 'ids = {}'
    echo 'for line in io.lines("'"$work/ids"'") do ids[#ids + 1] = line end'
    echo 'request = function() return wrk.format("GET", "/v1/recommendations?limit=20&target_energy=0.8&min_tempo=100&seed_tracks=" .. ids[math.random(#ids)]) end'
} > "$work/recommend.lua"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s "$work/recommend.lua" "http://localhost:$PORT"
echo "RSS after load: $(server_rss_mib) MiB"
