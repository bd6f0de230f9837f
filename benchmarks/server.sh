# Sourced by the benchmark scripts: start and stop a copy of the built distribution.
# Needs `mvn -B -DskipTests install` first. Uses PostgreSQL and Redis when BENCH_BACKEND=real
# (database $BENCH_DB, default audotics_bench, created fresh; Redis key prefix $BENCH_REDIS_PREFIX, default audotics-bench:), embedded defaults otherwise.
# A second node of the same cluster: BENCH_JOIN=1 keeps the database and Redis keys as they are, and BENCH_KEK (the
# same on every node) is written as token.key.encryption.secret, so a token issued by one node is valid on the other.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=${BENCH_DIST:-$ROOT/karaf-assembly/target/assembly}
PORT=${BENCH_PORT:-8181}
BENCH_DB=${BENCH_DB:-audotics_bench}

server_start() {
    [ -x "$DIST/bin/karaf" ] || { echo "build first: mvn -B -DskipTests install" >&2; exit 1; }
    SERVER_HOME=$(mktemp -d /tmp/audotics-bench.XXXXXX)
    cp -a "$DIST/." "$SERVER_HOME/"
    rm -rf "$SERVER_HOME/data"
    sed -i "s/org.osgi.service.http.port = 8181/org.osgi.service.http.port = $PORT/" "$SERVER_HOME/etc/org.ops4j.pax.web.cfg"
    if [ -n "${BENCH_KEK:-}" ]; then
        # the feature installs its commented default only where no file is: every other key keeps its default
        printf 'token.key.encryption.secret = %s\n' "$BENCH_KEK" > "$SERVER_HOME/etc/org.audotics.auth.cfg"
    fi
    if [ "${BENCH_BACKEND:-real}" = real ]; then
        if [ "${BENCH_JOIN:-0}" != 1 ]; then
            PGPASSWORD=postgres psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
            redis-cli -h 127.0.0.1 --scan --pattern "${BENCH_REDIS_PREFIX:-audotics-bench:}*" | xargs -r redis-cli -h 127.0.0.1 del >/dev/null
        fi
        export AUDOTICS_DB_URL=jdbc:postgresql://127.0.0.1:5432/$BENCH_DB AUDOTICS_DB_USER=postgres AUDOTICS_DB_PASSWORD=postgres
        export AUDOTICS_REDIS_URI=redis://127.0.0.1:6379/0
        printf 'redis.uri =\nkey.prefix = %s\ncommand.timeout.ms = 500\nlocal.max.entries = 100000\n' "${BENCH_REDIS_PREFIX:-audotics-bench:}" > "$SERVER_HOME/etc/org.audotics.cache.cfg"
    fi
    # load generators send thousands of requests a second from one address with one token: no rate limits
    printf 'enabled = %s\n' "${BENCH_RATE_LIMITS:-false}" > "$SERVER_HOME/etc/org.audotics.ratelimit.cfg"
    # a script may change the copy's etc/ before it starts: BENCH_PREPARE names a function given the home
    if [ -n "${BENCH_PREPARE:-}" ]; then "$BENCH_PREPARE" "$SERVER_HOME"; fi
    START_NANOS=$(date +%s%N)
    "$SERVER_HOME/bin/karaf" server > "$SERVER_HOME/console.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 1200); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/health/ready")" = 200 ] && break
        sleep 0.1
    done
    READY_MS=$(( ($(date +%s%N) - START_NANOS) / 1000000 ))
    [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/health/ready")" = 200 ] || { echo "server not ready; see $SERVER_HOME/data/log/karaf.log" >&2; exit 1; }
    # the admin token is written by the auth bundle, which may come up a moment after readiness under load
    for _ in $(seq 1 1200); do [ -s "$SERVER_HOME/data/audotics/admin-token" ] && break; sleep 0.1; done
    TOKEN=$(cat "$SERVER_HOME/data/audotics/admin-token")
}

# Resident memory of the Karaf JVM, in MiB.
server_rss_mib() {
    local pid
    pid=$(pgrep -f "karaf.base=$SERVER_HOME" | head -n 1)
    echo $(( $(ps -o rss= -p "$pid") / 1024 ))
}

server_stop() {
    pkill -f "karaf.base=$SERVER_HOME" 2>/dev/null || true
    for _ in $(seq 1 300); do pgrep -f "karaf.base=$SERVER_HOME" >/dev/null || break; sleep 0.1; done
    wait "$SERVER_PID" 2>/dev/null || true
    rm -rf "$SERVER_HOME" || true
}

# Imports a JSON-lines file in batches of 10 000 lines.
import_file() {
    local file=$1 parts
    parts=$(mktemp -d)
    split -l 10000 "$file" "$parts/part-"
    for part in "$parts"/part-*; do
        local status
        status=$(curl -s -o "$part.answer" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
             --data-binary @"$part" "localhost:$PORT/v1/catalog/import")
        [ "$status" = 200 ] || { echo "import into port $PORT answered $status: $(head -c 400 "$part.answer")" >&2; exit 1; }
    done
    cat "$parts"/*.answer | python3 -c 'import json,sys
for line in sys.stdin.read().replace("}{", "}\n{").splitlines():
    for t in json.loads(line)["tracks"]: print(t["id"])'
    rm -rf "$parts"
}

# Converts the Spotify data set, starts the server and imports it; the catalog ids are in $WORK/ids.
start_with_real_catalog() {
    local data=${BENCH_DATA:-$ROOT/../shared/data/spotify-features/tracks-by-genre.csv}
    command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }
    WORK=$(mktemp -d)
    trap 'server_stop; rm -rf "$WORK"' EXIT
    python3 "$ROOT/benchmarks/spotify-csv-to-jsonl.py" "$data" > "$WORK/tracks.jsonl" 2>/dev/null
    server_start
    echo "ready after ${READY_MS} ms, RSS $(server_rss_mib) MiB (${BENCH_BACKEND:-real})"
    local started
    started=$(date +%s%N)
    import_file "$WORK/tracks.jsonl" > "$WORK/ids"
    echo "imported $(wc -l < "$WORK/ids") tracks in $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

# A wrk script whose requests are "$1" followed by a random catalog id, with a bearer token ($BENCH_TOKEN,
# the admin token by default: every /v1 read needs one).
random_id_script() {
    echo 'ids = {}'
    echo 'for line in io.lines("'"$WORK/ids"'") do ids[#ids + 1] = line end'
    echo 'headers = { ["Authorization"] = "Bearer '"${BENCH_TOKEN:-$TOKEN}"'" }'
    echo 'request = function() return wrk.format("GET", "'"$1"'" .. ids[math.random(#ids)], headers) end'
}
