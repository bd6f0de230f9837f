#!/usr/bin/env bash
# What analysing in a running server costs: resident memory after start, after the first analysis
# (which loads ND4J's native libraries), and after 20 more; and each upload-to-done time.
# Usage: benchmarks/analysis-memory.sh   (after mvn -B -DskipTests install; needs sox)
set -euo pipefail
source "$(dirname "$0")/server.sh"
BENCH_BACKEND=${BENCH_BACKEND:-embedded}
server_start
trap server_stop EXIT
echo "ready after ${READY_MS} ms, RSS $(server_rss_mib) MiB"
audio=$(mktemp --suffix=.wav)
sox -q -n -r 44100 -c 2 -b 16 "$audio" synth 180 pluck C3 pluck E3 pluck G3 tremolo 2 40
curl -s -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
  --data-binary '{"external_id":"mem-1","name":"Three minutes","artists":[{"name":"Bench"}],"duration_ms":180000}' \
  "localhost:$PORT/v1/catalog/import" > /tmp/audotics-mem-import.json
track=$(python3 -c 'import json; print(json.load(open("/tmp/audotics-mem-import.json"))["tracks"][0]["id"])')
analyse() {
  local started location state
  started=$(date +%s%N)
  location=$(curl -s -D - -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" --data-binary @"$audio" \
    "localhost:$PORT/v1/tracks/$track/audio" | tr -d '\r' | awk -F': ' 'tolower($1)=="location" {print $2}')
  while :; do
    state=$(curl -s "${location}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
    [ "$state" = done ] || [ "$state" = failed ] && break
    sleep 0.1
  done
  echo "$state in $(( ($(date +%s%N) - started) / 1000000 )) ms"
}
echo "first analysis (loads the ML runtime): $(analyse), RSS $(server_rss_mib) MiB"
for i in $(seq 1 20); do analyse > /dev/null; done
echo "21st analysis: $(analyse), RSS $(server_rss_mib) MiB"
rm -f "$audio"
