#!/usr/bin/env bash
# Streamed import of generated tracks through POST /v1/catalog/imports, on PostgreSQL and Redis
# (BENCH_BACKEND=real, the default) or the embedded defaults (BENCH_BACKEND=embedded).
# The body is generated while curl sends it (chunked: no file, nothing held whole), then the job is polled to
# its end. Prints the wall time from the first byte sent to the job done, tracks/s, the server's peak heap
# (used, sampled every second with jstat -gc: garbage included, as the JVM lets it pile up below its
# maximum), the heap still used after a full GC once the job is done (what the server keeps: caches and the
# search and feature indexes, not the import), peak RSS, and the machine's load average over the run (other
# builds on the same cores slow the run down).
#   EXTRA_JAVA_OPTS  e.g. -Xmx1536m: the server's maximum heap (default: the JVM's, a quarter of RAM)
#   BENCH_TRACKS   tracks to import (default 1000000)
#   BENCH_GZIP=1   send the body gzip-compressed (Content-Encoding: gzip)
# Needs the built distribution: mvn -B -o -q verify -pl karaf-assembly -am -DskipTests
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
TRACKS=${BENCH_TRACKS:-1000000}
WORK=$(mktemp -d)
trap 'kill "$SAMPLER" "$JSTAT" 2>/dev/null || true; server_stop; rm -rf "$WORK"' EXIT
SAMPLER=
JSTAT=

server_start
JVM=$(pgrep -f "karaf.base=$SERVER_HOME" | head -n 1)
echo "ready after ${READY_MS} ms, RSS $(server_rss_mib) MiB (${BENCH_BACKEND:-real}); importing $TRACKS tracks"

# heap used (KiB, from one jstat: a jcmd a second would start a JVM a second, a quarter of a core on this
# machine), RSS (KiB) and the load average, one sample a second
jstat -gc "$JVM" 1000 > "$WORK/gc" 2>/dev/null &
JSTAT=$!
( while kill -0 "$JVM" 2>/dev/null; do
      echo "$(ps -o rss= -p "$JVM" | tr -d ' ') $(cut -d ' ' -f 1 /proc/loadavg)"
      sleep 1
  done > "$WORK/samples" ) &
SAMPLER=$!

generate() {
    python3 - "$TRACKS" <<'PY'
import sys
n = int(sys.argv[1])
out = sys.stdout
buf = []
for i in range(1, n + 1):
    a, al = i % 50000, i % 100000
    buf.append('{"external_id":"bench-%d","name":"Track %d","artists":[{"external_id":"bench-artist-%d","name":"Artist %d"}],'
               '"album":{"external_id":"bench-album-%d","name":"Album %d","release_date":"2020-01-01"},"genres":["genre-%d"],'
               '"popularity":%d,"duration_ms":%d,"explicit":false,"track_number":%d,"disc_number":1,'
               '"audio_features":{"acousticness":0.%03d,"danceability":0.5,"energy":0.%03d,"instrumentalness":0.1,"key":%d,'
               '"liveness":0.1,"loudness":-7.0,"mode":1,"speechiness":0.05,"tempo":%d.0,"time_signature":4,"valence":0.5}}\n'
               % (i, i, a, a, al, al, i % 40, i % 100, 120000 + i % 120000, i % 12 + 1, i % 1000, (i * 7) % 1000, i % 12, 60 + i % 140))
    if len(buf) == 10000:
        out.write(''.join(buf)); buf = []
out.write(''.join(buf))
PY
}

STARTED=$(date +%s%N)
if [ "${BENCH_GZIP:-0}" = 1 ]; then
    generate | gzip -1 | curl -sS -X POST -T - -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
        -H 'Content-Encoding: gzip' "localhost:$PORT/v1/catalog/imports" > "$WORK/accepted"
else
    generate | curl -sS -X POST -T - -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
        "localhost:$PORT/v1/catalog/imports" > "$WORK/accepted"
fi
UPLOADED=$(date +%s%N)
ID=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' < "$WORK/accepted") || { cat "$WORK/accepted"; exit 1; }
echo "body received in $(( (UPLOADED - STARTED) / 1000000 )) ms: job $ID"

while true; do
    curl -sS -H "Authorization: Bearer $TOKEN" "localhost:$PORT/v1/catalog/imports/$ID" > "$WORK/job"
    STATE=$(python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["state"], j["lines_read"], j["created"], j["updated"], j["rejected"])' < "$WORK/job")
    case "$STATE" in done*|failed*) break ;; esac
    sleep 2
done
ENDED=$(date +%s%N)
kill "$SAMPLER" "$JSTAT" 2>/dev/null || true
jcmd "$JVM" GC.run > /dev/null
LIVE_HEAP=$(jcmd "$JVM" GC.heap_info | grep -oE 'used [0-9]+K' | head -n 1 | grep -oE '[0-9]+' | awk '{print int($1/1024)}')
LOAD=$(awk '{ sum += $2; if ($2 > max) max = $2 } END { if (NR) printf "%.1f mean, %.1f max", sum / NR, max }' "$WORK/samples")
WALL_MS=$(( (ENDED - STARTED) / 1000000 ))
read -r STATE LINES CREATED UPDATED REJECTED <<< "$STATE"
# jstat -gc: S0U, S1U, EU and OU (columns 3, 4, 6, 8) are the used survivor, eden and old spaces
PEAK_HEAP=$(awk '$3 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { print int(max / 1024) }' "$WORK/gc")
PEAK_RSS=$(sort -n -k1 "$WORK/samples" | tail -n 1 | awk '{print int($1/1024)}')
ROWS=$(PGPASSWORD=postgres psql -tA -h 127.0.0.1 -U postgres -d "$BENCH_DB" -c 'SELECT count(*) FROM track' 2>/dev/null || echo "?")
echo "job $STATE: $LINES lines, $CREATED created, $UPDATED updated, $REJECTED rejected; $ROWS rows in track"
[ "$STATE" = done ] || { cat "$WORK/job"; echo; }
echo "wall ${WALL_MS} ms, $(( LINES * 1000 / (WALL_MS > 0 ? WALL_MS : 1) )) tracks/s; peak heap used ${PEAK_HEAP} MiB, \
${LIVE_HEAP} MiB after a full GC at the end, peak RSS ${PEAK_RSS} MiB; load average during the run ${LOAD} ($(nproc) cores)"
