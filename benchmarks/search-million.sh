#!/usr/bin/env bash
# Search, artist and album-track figures over a catalog of N generated tracks in PostgreSQL, through HTTP:
#   1. starts a copy of the built distribution on a fresh database ($BENCH_DB) so that Liquibase creates the
#      catalog's tables, stops it, fills the tables in SQL (benchmarks/fill-catalog.sql: N tracks, N/20 artists,
#      N/10 albums; no import involved; the catalog revision is left alone, so the empty index on disk stays), and
#      starts it again: POST /v1/search/index rebuilds the search index from PostgreSQL, timed;
#   2. GET /v1/search under wrk (C connections, S seconds, a random query per request: a word, a word and the
#      first 3 letters of another, or a word with one letter replaced; type=track, limit 20);
#   3. GET /v1/artists/{id} and GET /v1/albums/{id}/tracks with random ids: cold = the first S seconds right after
#      a restart of the server with the bench's Redis keys deleted (JIT, pool and caches cold; PostgreSQL's own
#      buffers stay warm), warm = S seconds after a 10 s warm-up.
# Every figure line carries the load average of the machine at its end (shared by several builds).
# Usage: BENCH_DB=audotics_bench_search BENCH_PORT=18392 benchmarks/search-million.sh [tracks] [seconds] [connections]
# Needs the distribution built (karaf-assembly/target/assembly), psql, redis-cli, wrk.
set -euo pipefail
N=${1:-1000000}
DURATION=${2:-20}
CONNECTIONS=${3:-8}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST="$ROOT/karaf-assembly/target/assembly"
PORT=${BENCH_PORT:-18392}
BENCH_DB=${BENCH_DB:-audotics_bench_search}
PREFIX=audotics-bench-search:
export PGPASSWORD=postgres
[ -x "$DIST/bin/karaf" ] || { echo "build the distribution first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }

HOME_DIR=$(mktemp -d /tmp/audotics-bench-search.XXXXXX)
WORK=$(mktemp -d)
SERVER_PID=
cp -a "$DIST/." "$HOME_DIR/"
rm -rf "$HOME_DIR/data"
sed -i "s/org.osgi.service.http.port = 8181/org.osgi.service.http.port = $PORT/" "$HOME_DIR/etc/org.ops4j.pax.web.cfg"
printf 'redis.uri = redis://127.0.0.1:6379/0\nkey.prefix = %s\ncommand.timeout.ms = 500\nlocal.max.entries = 100000\n' "$PREFIX" \
    > "$HOME_DIR/etc/org.audotics.cache.cfg"
export AUDOTICS_DB_URL=jdbc:postgresql://127.0.0.1:5432/$BENCH_DB AUDOTICS_DB_USER=postgres AUDOTICS_DB_PASSWORD=postgres
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"

load() { cut -d' ' -f1-3 /proc/loadavg; }
log() { echo "$*  [load $(load)]"; }

# the Java process of this copy: the child of bin/karaf whose command line names its folder
server_java_pid() { pgrep -P "$SERVER_PID" -f "karaf.base=$HOME_DIR" | head -n 1; }

start() {
    local started=$(date +%s%N)
    "$HOME_DIR/bin/karaf" server > "$HOME_DIR/console.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 1800); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/health/ready")" = 200 ] && break
        sleep 0.1
    done
    [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/health/ready")" = 200 ] || { echo "not ready: $HOME_DIR/data/log/karaf.log" >&2; exit 1; }
    for _ in $(seq 1 300); do # /v1 mounts a moment after readiness
        [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/v1/search")" = 401 ] && break
        sleep 0.1
    done
    TOKEN=$(cat "$HOME_DIR/data/audotics/admin-token")
    READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop() {
    [ -n "$SERVER_PID" ] || return 0
    local java
    java=$(server_java_pid || true)
    kill "${java:-$SERVER_PID}" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}
trap 'stop; rm -rf "$WORK" "$HOME_DIR"; psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"' EXIT

search_detail() {
    curl -s "localhost:$PORT/health/ready" | python3 -c 'import json,sys; print(json.load(sys.stdin)["checks"]["search"]["detail"])'
}

# waits until the log holds more than $1 "Search index built" lines; prints the last one's "in N ms"
await_search_build() {
    local before=$1
    for _ in $(seq 1 36000); do
        [ "$(grep -c 'Search index built' "$HOME_DIR/data/log/karaf.log" || true)" -gt "$before" ] && break
        sleep 0.1
    done
    grep 'Search index built' "$HOME_DIR/data/log/karaf.log" | tail -n 1 | sed 's/.*Search index built: //'
}

builds() { grep -c 'Search index built' "$HOME_DIR/data/log/karaf.log" 2>/dev/null || true; }

clear_redis() {
    redis-cli -h 127.0.0.1 --scan --pattern "$PREFIX*" | xargs -r redis-cli -h 127.0.0.1 del > /dev/null
}

# a wrk script: GET $1<id>$2 with a random id of file $3
ids_script() {
    cat <<LUA
ids = {}
for line in io.lines("$3") do ids[#ids + 1] = line end
headers = { ["Authorization"] = "Bearer $TOKEN" }
request = function() return wrk.format("GET", "$1" .. ids[math.random(#ids)] .. "$2", headers) end
LUA
}

run_wrk() { # label seconds script
    wrk -t2 -c"$CONNECTIONS" -d"$2"s --latency -s "$3" "http://127.0.0.1:$PORT" > "$WORK/wrk.out" 2>&1
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")
    errors=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk.out" | tr '\n' ' ' || true)
    log "$1: ${rps} req/s, p50 ${p50}, p99 ${p99}, ${CONNECTIONS} connections, $2 s ${errors:-no errors}"
}

echo "== $N tracks, $CONNECTIONS connections, $DURATION s per run; $(nproc) cores"
start
log "first start on the empty database (migrations): ready after ${READY_MS} ms"
await_search_build 0 > /dev/null # the first (empty) index, committed at revision 0
stop

started=$(date +%s%N)
psql -q -h 127.0.0.1 -U postgres -d "$BENCH_DB" -v n="$N" -f "$ROOT/benchmarks/fill-catalog.sql"
log "catalog filled in SQL: $(psql -tA -h 127.0.0.1 -U postgres -d "$BENCH_DB" -c 'SELECT count(*) FROM track') tracks in $(( ($(date +%s%N) - started) / 1000000 )) ms"
psql -tA -h 127.0.0.1 -U postgres -d "$BENCH_DB" -c "SELECT id FROM artist ORDER BY random() LIMIT 20000" > "$WORK/artists"
psql -tA -h 127.0.0.1 -U postgres -d "$BENCH_DB" -c "SELECT id FROM album ORDER BY random() LIMIT 20000" > "$WORK/albums"
psql -tA -h 127.0.0.1 -U postgres -d "$BENCH_DB" \
    -c "SELECT translate(substr(md5('w' || i), 1, 4 + i % 5), '0123456789', 'ghijklmnop') FROM generate_series(0, 19999) i" > "$WORK/words"

clear_redis
start
log "restart on the filled database: ready after ${READY_MS} ms"
before=$(builds)
started=$(date +%s%N)
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "localhost:$PORT/v1/search/index" > /dev/null
built=$(await_search_build "$before")
log "POST /v1/search/index, rebuild from PostgreSQL: $built; $(( ($(date +%s%N) - started) / 1000000 )) ms from the request to the commit"
log "readiness: $(search_detail)"

cat > "$WORK/search.lua" <<LUA
words = {}
for line in io.lines("$WORK/words") do words[#words + 1] = line end
headers = { ["Authorization"] = "Bearer $TOKEN" }
local letters = "abcdefghijklmnop"
request = function()
  local w = words[math.random(#words)]
  local kind = math.random(3)
  local q
  if kind == 1 then q = w
  elseif kind == 2 then q = w .. "%20" .. string.sub(words[math.random(#words)], 1, 3)
  else
    local i = math.random(#w)
    local c = math.random(#letters)
    q = string.sub(w, 1, i - 1) .. string.sub(letters, c, c) .. string.sub(w, i + 1)
  end
  return wrk.format("GET", "/v1/search?type=track&limit=20&q=" .. q, headers)
end
LUA
run_wrk "GET /v1/search warm-up" 10 "$WORK/search.lua"
run_wrk "GET /v1/search (type=track, limit 20)" "$DURATION" "$WORK/search.lua"

ids_script /v1/artists/ "" "$WORK/artists" > "$WORK/artists.lua"
ids_script /v1/albums/ /tracks "$WORK/albums" > "$WORK/albums.lua"
for endpoint in artists albums; do
    stop
    clear_redis
    start
    label=$([ $endpoint = artists ] && echo 'GET /v1/artists/{id}' || echo 'GET /v1/albums/{id}/tracks')
    run_wrk "$label cold (first $DURATION s after a restart, Redis keys deleted)" "$DURATION" "$WORK/$endpoint.lua"
    run_wrk "$label warm-up" 10 "$WORK/$endpoint.lua"
    run_wrk "$label warm" "$DURATION" "$WORK/$endpoint.lua"
done
log "server RSS $(( $(ps -o rss= -p "$(server_java_pid)") / 1024 )) MiB"
