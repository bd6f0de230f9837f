#!/usr/bin/env bash
# The recommender at scale, end to end through HTTP (issue 12's speed benchmark):
#   1. a first start on a fresh database ($BENCH_DB) creates the tables; $ACCOUNTS listener accounts are registered
#      through POST /v1/auth/register (their tokens are the "user tokens" of the load below); the server stops;
#   2. the catalog (benchmarks/fill-catalog.sql: N tracks with audio features) and the listening history
#      (benchmarks/fill-history.sql: E events of U listeners with 60 taste communities, the accounts among them)
#      are written straight in SQL;
#   3. the server starts again: feature-knn indexes the catalog, then builds its HNSW graph; POST
#      /v1/recommender/training trains the hybrid model (iALS + RP3β) on the history — training wall time, the
#      server's peak heap and RSS while it trains (sampled every 2 s), the stored model's size;
#   4. once the graph is built: GET /v1/recommendations (a random seed track of the catalog, target_energy, min_tempo,
#      limit 20, a random listener's token) under wrk, requests/s and p50/p99; then GET /v1/tracks/{id}/similar,
#      POST /v1/recommendations/mood and POST /v1/recommendations/group (5 random accounts);
#   5. the hot swap under that load: recommender.target is switched to feature-knn and back (etc/ file, as an admin
#      would) while wrk runs; wrk's non-2xx count is the requests lost.
# Every figure line carries the machine's load average at its end (the machine is shared).
# Usage: benchmarks/recommender-million.sh [tracks=1000000] [users=100000] [events=10000000] [seconds=30] [connections=16]
# Env: BENCH_DB (audotics_bench_reco), BENCH_PORT (18971), ACCOUNTS (50), EXTRA_JAVA_OPTS (-Xmx12g), TRAINING_THREADS (2; the engine's default is 1),
#      SKIP_GRAPH_WAIT=1 to measure before the graph is built (the exact scan answers the content part).
# Needs the distribution built (karaf-assembly/target/assembly), psql, redis-cli, wrk, python3.
set -euo pipefail
N=${1:-1000000}
USERS=${2:-100000}
EVENTS=${3:-10000000}
DURATION=${4:-30}
CONNECTIONS=${5:-16}
ACCOUNTS=${ACCOUNTS:-50}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=${BENCH_DIST:-$ROOT/karaf-assembly/target/assembly}
PORT=${BENCH_PORT:-18971}
BENCH_DB=${BENCH_DB:-audotics_bench_reco}
PREFIX=${BENCH_REDIS_PREFIX:-audotics-bench-reco:}
export EXTRA_JAVA_OPTS=${EXTRA_JAVA_OPTS:--Xmx12g}
export PGPASSWORD=postgres
[ -x "$DIST/bin/karaf" ] || { echo "build the distribution first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }

HOME_DIR=$(mktemp -d /tmp/audotics-bench-reco.XXXXXX)
WORK=$(mktemp -d)
SERVER_PID=
cp -a "$DIST/." "$HOME_DIR/"
rm -rf "$HOME_DIR/data"
sed -i "s/org.osgi.service.http.port = 8181/org.osgi.service.http.port = $PORT/" "$HOME_DIR/etc/org.ops4j.pax.web.cfg"
printf 'redis.uri = redis://127.0.0.1:6379/0\nkey.prefix = %s\ncommand.timeout.ms = 500\nlocal.max.entries = 100000\n' "$PREFIX" \
    > "$HOME_DIR/etc/org.audotics.cache.cfg"
printf 'enabled = false\n' > "$HOME_DIR/etc/org.audotics.ratelimit.cfg" # one address sends thousands a second
# no scheduled training in the middle of the figures: the benchmark starts the one it times, on $TRAINING_THREADS threads
printf 'training.interval.minutes = -1\ntraining.threads = %s\n' "${TRAINING_THREADS:-2}" > "$HOME_DIR/etc/org.audotics.recommender.hybrid.cfg"
export AUDOTICS_DB_URL=jdbc:postgresql://127.0.0.1:5432/$BENCH_DB AUDOTICS_DB_USER=postgres AUDOTICS_DB_PASSWORD=postgres
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
redis-cli -h 127.0.0.1 --scan --pattern "$PREFIX*" | xargs -r redis-cli -h 127.0.0.1 del > /dev/null

load() { cut -d' ' -f1-3 /proc/loadavg; }
log() { echo "$*  [load $(load)]"; }
sql() { psql -q -tA -h 127.0.0.1 -U postgres -d "$BENCH_DB" "$@"; }
millis_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
server_java_pid() { pgrep -f "karaf.base=$HOME_DIR" | head -n 1; }

start() {
    local started=$(date +%s%N)
    "$HOME_DIR/bin/karaf" server > "$HOME_DIR/console.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 3000); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/health/ready")" = 200 ] && break
        sleep 0.2
    done
    [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/health/ready")" = 200 ] || { echo "not ready: $HOME_DIR/data/log/karaf.log" >&2; exit 1; }
    for _ in $(seq 1 300); do # /v1 mounts a moment after readiness
        [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/v1/recommender")" = 401 ] && break
        sleep 0.1
    done
    for _ in $(seq 1 300); do [ -s "$HOME_DIR/data/audotics/admin-token" ] && break; sleep 0.1; done
    TOKEN=$(cat "$HOME_DIR/data/audotics/admin-token")
    READY_MS=$(millis_since "$started")
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

readiness() { curl -s "localhost:$PORT/health/ready"; }

# heap in use and resident memory of the server, in MiB: "heap rss"
memory_mib() {
    local pid=$1 heap
    heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/used/ {for (i = 1; i < NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?$/, "", v); print int(v / 1024); exit}}')
    echo "${heap:-0} $(( $(ps -o rss= -p "$pid") / 1024 ))"
}

run_wrk() { # label seconds script
    wrk -t2 -c"$CONNECTIONS" -d"$2"s --latency -s "$3" "http://127.0.0.1:$PORT" > "$WORK/wrk.out" 2>&1
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
    p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")
    errors=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk.out" | tr '\n' ' ' || true)
    log "$1: ${rps} req/s, p50 ${p50}, p99 ${p99}, ${CONNECTIONS} connections, $2 s, ${errors:-no errors}"
}

# the head of a wrk script: listener tokens, seed ids, a random pick
lua_head() {
    echo 'tokens = {}'
    echo 'for line in io.lines("'"$WORK/tokens"'") do tokens[#tokens + 1] = line end'
    echo 'users = {}'
    echo 'for line in io.lines("'"$WORK/users"'") do users[#users + 1] = line end'
    echo 'tracks = '"$N"
    echo 'function pick(list) return list[math.random(#list)] end'
    echo 'function track() return "btr" .. math.random(tracks) end'
    echo 'function auth() return { ["Authorization"] = "Bearer " .. pick(tokens), ["Content-Type"] = "application/json" } end'
}

echo "== $N tracks, $USERS listeners, $EVENTS events; $CONNECTIONS connections, $DURATION s per run; $(nproc) cores; $EXTRA_JAVA_OPTS"
start
log "first start on the empty database (migrations): ready after ${READY_MS} ms"
: > "$WORK/users"
for i in $(seq 1 "$ACCOUNTS"); do
    curl -s -o "$WORK/account" -H 'Content-Type: application/json' \
        -d "{\"email\": \"listener$i@bench.example.org\", \"password\": \"bench listener $i password\", \"display_name\": \"Listener $i\"}" \
        "localhost:$PORT/v1/auth/register"
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/account" >> "$WORK/users"
done
log "$(wc -l < "$WORK/users") listener accounts registered"
stop

started=$(date +%s%N)
psql -q -h 127.0.0.1 -U postgres -d "$BENCH_DB" -v n="$N" -f "$ROOT/benchmarks/fill-catalog.sql"
log "catalog filled in SQL: $(sql -c 'SELECT count(*) FROM track') tracks in $(millis_since "$started") ms"
sql -c "CREATE TABLE bench_real_user (n bigint PRIMARY KEY, id text NOT NULL)"
nl -w1 -s, "$WORK/users" | sql -c "\\copy bench_real_user (n, id) FROM STDIN WITH (FORMAT csv)"
started=$(date +%s%N)
psql -q -h 127.0.0.1 -U postgres -d "$BENCH_DB" -v users="$USERS" -v events="$EVENTS" -v tracks="$N" -f "$ROOT/benchmarks/fill-history.sql"
log "history filled in SQL: $(sql -c 'SELECT count(*), count(DISTINCT user_id), count(DISTINCT track_id) FROM history_event' | tr '|' ' ' \
    | awk '{print $1 " events of " $2 " listeners on " $3 " tracks"}') in $(millis_since "$started") ms"
sql -c "DROP TABLE bench_real_user"
log "listening of the accounts: $(sql -c "SELECT min(c), round(avg(c)), max(c) FROM (SELECT count(*) c FROM history_event WHERE user_id NOT LIKE 'bu%' GROUP BY user_id) s" | tr '|' ' ' | awk '{print "min " $1 ", mean " $2 ", max " $3 " events"}')"

start
log "restart on the filled database: ready after ${READY_MS} ms, RSS $(memory_mib "$(server_java_pid)" | cut -d' ' -f2) MiB"
started=$(date +%s%N)
for _ in $(seq 1 3600); do readiness | grep -q "index of $N tracks" && break; sleep 1; done
log "feature-knn index of $N tracks ready $(millis_since "$started") ms after readiness"


# training, with the server's memory sampled while it runs
pid=$(server_java_pid)
read -r heap_before rss_before < <(memory_mib "$pid")
started=$(date +%s%N)
job=$(curl -s -X POST -H "Authorization: Bearer $TOKEN" "localhost:$PORT/v1/recommender/training" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
peak_heap=0; peak_rss=0; state=running
while [ "$state" = running ] || [ "$state" = queued ]; do
    sleep 2
    read -r heap rss < <(memory_mib "$pid")
    [ "$heap" -gt "$peak_heap" ] && peak_heap=$heap
    [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
    state=$(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/v1/recommender/training/$job" \
        | python3 -c 'import json,sys; j = json.load(sys.stdin); print(j["state"])')
done
log "training $state in $(millis_since "$started") ms; heap before ${heap_before} MiB, peak heap ${peak_heap} MiB, peak RSS ${peak_rss} MiB (before ${rss_before})"
[ "$state" = succeeded ] || { curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/v1/recommender/training/$job"; exit 1; }
log "model: $(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/v1/recommender" | python3 -c 'import json,sys; m = json.load(sys.stdin)["model"]; print("version", m["version"], "data", m["data_size"], "metrics", m["metrics"])')"
log "stored model: $(sql -c "SELECT pg_size_pretty(sum(octet_length(data))::bigint), count(*) FROM recommender_model_chunk" | tr '|' ' ' | awk '{print $1 " " $2 " in " $3 " chunks"}')"

grep -iE 'train|model' "$HOME_DIR/data/log/karaf.log" | grep -v DEBUG | sed 's/^[^|]*|[^|]*|[^|]*|[^|]*| */    log: /' | tail -n 25
if [ "${SKIP_GRAPH_WAIT:-0}" != 1 ] && [ "$N" -ge 50000 ]; then # knn.ann.min_tracks: below it no graph
    started=$(date +%s%N)
    for _ in $(seq 1 7200); do readiness | grep -qE 'candidates from an HNSW graph|no HNSW graph' && break; sleep 1; done
    log "HNSW graph ready $(millis_since "$started") ms after training: $(readiness | grep -o 'candidates from an HNSW graph[^"]*')"
fi
log "server memory after training and graph: heap/RSS $(memory_mib "$pid") MiB"

# tokens for the accounts (the password grant; one hour each, longer than the runs below)
: > "$WORK/tokens"
for i in $(seq 1 "$ACCOUNTS"); do
    curl -s -d grant_type=password --data-urlencode "username=listener$i@bench.example.org" \
        --data-urlencode "password=bench listener $i password" "localhost:$PORT/v1/auth/token" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' >> "$WORK/tokens"
done

{ lua_head; cat <<'LUA'
request = function()
  return wrk.format("GET", "/v1/recommendations?limit=20&target_energy=0.8&min_tempo=100&seed_tracks=" .. track() .. "," .. track(), auth())
end
LUA
} > "$WORK/recommend.lua"
{ lua_head; cat <<'LUA'
request = function() return wrk.format("GET", "/v1/tracks/" .. track() .. "/similar?limit=20", auth()) end
LUA
} > "$WORK/similar.lua"
{ lua_head; cat <<'LUA'
queries = { "upbeat songs for a workout", "very calm acoustic music, not too slow", "sad songs", "happy dance music from the 80s",
            "loud energetic tracks, no rap", "chill evening music", "fast songs for running", "quiet instrumental music for studying" }
request = function()
  return wrk.format("POST", "/v1/recommendations/mood", auth(), '{"query": "' .. pick(queries) .. '", "limit": 20}')
end
LUA
} > "$WORK/mood.lua"
{ lua_head; cat <<'LUA'
request = function()
  -- the caller is one of the members: only a member (or an admin) may ask for a group
  local caller = math.random(#users)
  local chosen, members = { [users[caller]] = true }, { '"' .. users[caller] .. '"' }
  while #members < 5 do
    local u = pick(users)
    if not chosen[u] then chosen[u] = true; members[#members + 1] = '"' .. u .. '"' end
  end
  return wrk.format("POST", "/v1/recommendations/group", { ["Authorization"] = "Bearer " .. tokens[caller], ["Content-Type"] = "application/json" },
                    '{"members": [' .. table.concat(members, ",") .. '], "strategy": "average_without_misery", "limit": 20}')
end
LUA
} > "$WORK/group.lua"

# one request of each, to show what is measured
for probe in "GET /v1/recommendations?limit=3&target_energy=0.8&min_tempo=100&seed_tracks=btr17" "GET /v1/tracks/btr17/similar?limit=3"; do
    set -- $probe
    log "probe $2: $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(head -n 1 "$WORK/tokens")" "localhost:$PORT$2") $(curl -s -D - -o /dev/null -H "Authorization: Bearer $(head -n 1 "$WORK/tokens")" "localhost:$PORT$2" | grep -i '^audotics-engine' | tr -d '\r' | tr '\n' ' ')"
done

run_wrk "GET /v1/recommendations warm-up" 15 "$WORK/recommend.lua"
run_wrk "GET /v1/recommendations (2 seed tracks, target, bound, user token, limit 20)" "$DURATION" "$WORK/recommend.lua"
run_wrk "GET /v1/tracks/{id}/similar warm-up" 10 "$WORK/similar.lua"
run_wrk "GET /v1/tracks/{id}/similar (limit 20, user token)" "$DURATION" "$WORK/similar.lua"
run_wrk "POST /v1/recommendations/mood warm-up" 10 "$WORK/mood.lua"
run_wrk "POST /v1/recommendations/mood (8 sentences, limit 20)" "$DURATION" "$WORK/mood.lua"
run_wrk "POST /v1/recommendations/group warm-up" 10 "$WORK/group.lua"
run_wrk "POST /v1/recommendations/group (5 members, average_without_misery, limit 20)" "$DURATION" "$WORK/group.lua"

# the hot swap under load: feature-knn takes over, then hybrid again, each after a third of the run
cfg="$HOME_DIR/etc/org.audotics.recommendation.cfg"
( sleep $(( DURATION / 3 )); echo 'recommender.target = (recommender.name=feature-knn)' >> "$cfg"
  sleep $(( DURATION / 3 )); sed -i '/^recommender.target = (recommender.name=feature-knn)$/d' "$cfg"; echo 'recommender.target = (recommender.name=hybrid)' >> "$cfg" ) &
swapper=$!
run_wrk "GET /v1/recommendations while recommender.target goes hybrid -> feature-knn -> hybrid" "$DURATION" "$WORK/recommend.lua"
wait "$swapper"
log "engines named by the log during the swap: $(grep -c 'recommender' "$HOME_DIR/data/log/karaf.log" || true) log lines; now $(curl -s -H "Authorization: Bearer $TOKEN" "localhost:$PORT/v1/recommender" | python3 -c 'import json,sys; print(json.load(sys.stdin)["name"])')"
log "server heap/RSS at the end: $(memory_mib "$pid") MiB"
if [ "${BENCH_KEEP:-0}" = 1 ]; then # inspect the server: it stays up until this script is stopped
    echo "kept running: $HOME_DIR on port $PORT, admin token $TOKEN, work files in $WORK"
    while sleep 60; do :; done
fi
