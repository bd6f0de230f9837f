#!/usr/bin/env bash
# Requests per second and latency percentiles of GET /v1/tracks/{id} with a warm cache, under wrk.
# Imports the real Spotify tracks from ../shared (19 160 tracks), reads every one once to warm the
# cache, then runs wrk over random ids. Usage: benchmarks/tracks-load.sh [seconds] [connections]
set -euo pipefail
source "$(dirname "$0")/server.sh"
SECONDS_TO_RUN=${1:-30}
CONNECTIONS=${2:-32}
DATA=${BENCH_DATA:-$ROOT/../shared/data/spotify-features/tracks-by-genre.csv}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }

work=$(mktemp -d)
trap 'server_stop; rm -rf "$work"' EXIT
python3 "$ROOT/benchmarks/spotify-csv-to-jsonl.py" "$DATA" > "$work/tracks.jsonl" 2>/dev/null
server_start
echo "ready after ${READY_MS} ms, RSS $(server_rss_mib) MiB (${BENCH_BACKEND:-real})"
started=$(date +%s%N)
import_file "$work/tracks.jsonl" > "$work/ids"
echo "imported $(wc -l < "$work/ids") tracks in $(( ($(date +%s%N) - started) / 1000000 )) ms"
xargs -P 4 -I{} curl -s -o /dev/null "localhost:$PORT/v1/tracks/{}" < "$work/ids"   # warm the cache
{
    echo 'ids = {}'
    echo 'for line in io.lines("'"$work/ids"'") do ids[#ids + 1] = line end'
    echo 'request = function() return wrk.format("GET", "/v1/tracks/" .. ids[math.random(#ids)]) end'
} > "$work/random-track.lua"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s "$work/random-track.lua" "http://localhost:$PORT"
echo "RSS after load: $(server_rss_mib) MiB"
