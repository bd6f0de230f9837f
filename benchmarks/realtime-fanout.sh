#!/usr/bin/env bash
# Realtime fan-out: MEMBERS members in SESSIONS sessions on one node over Socket.IO (WebSocket transport); each
# session's first member votes ACTIONS times, one action at a time per session, all sessions at once. Prints the
# latency from an action to its vote_cast at every member (p50/p90/p99), to the last member of its session, and the
# heap per connection: used heap after a full GC with the members connected, minus the same with them all
# disconnected again (measured after the votes, so both readings see the same warmed-up server), divided by MEMBERS.
# NODES=2 starts a second node of the same cluster (same database and Redis) on PORT+1; members alternate between
# the nodes and the latency is reported per node, the second being cross-node (heap is then not measured).
# FLOODERS=N (with FLOOD_KINDS=vote,malformed,oversized,under; realtime-fanout.js says what each does) runs the rounds
# twice, without and then with N flooding clients, and reports both and each flooder: how long until it is cut off
# and how many of its messages the server processed. HEAP=0 skips the heap readings (40 s of holding).
# Usage: benchmarks/realtime-fanout.sh [MEMBERS=1000] [SESSIONS=100] [ACTIONS=20] [NODES=1]   (build the distribution first)
set -euo pipefail
MEMBERS=${1:-1000}
SESSIONS=${2:-100}
ACTIONS=${3:-20}
NODES=${4:-1}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/server.sh"
NODE_DIR="$HERE/target/node"
if [ ! -d "$NODE_DIR/node_modules/socket.io-client" ]; then
    mkdir -p "$NODE_DIR"
    cp "$HERE/../itests/src/test/node/package.json" "$NODE_DIR/"
    (cd "$NODE_DIR" && npm install --no-audit --no-fund --no-package-lock >/dev/null)
fi
cp "$HERE/realtime-fanout.js" "$NODE_DIR/"
# more connections than the per-user default are not needed: one connection per member
URLS="http://127.0.0.1:$PORT"
if [ "$NODES" = 2 ]; then
    export BENCH_KEK=${BENCH_KEK:-fan-out-benchmark-shared-secret-0123456789}
    server_start
    FIRST_HOME=$SERVER_HOME
    trap 'server_stop; SERVER_HOME=$FIRST_HOME server_stop' EXIT
    echo "node 1 ready after ${READY_MS} ms"
    FIRST_TOKEN=$TOKEN
    PORT=$((PORT + 1)) BENCH_JOIN=1 server_start
    echo "node 2 ready after ${READY_MS} ms"
    URLS="$URLS,http://127.0.0.1:$((PORT + 1))"
    TOKEN=$FIRST_TOKEN
else
    trap server_stop EXIT
    server_start
fi
echo "ready after ${READY_MS} ms, RSS $(server_rss_mib) MiB (${BENCH_BACKEND:-real}); $(uptime)"
PID=$(pgrep -f "karaf.base=${FIRST_HOME:-$SERVER_HOME}" | head -n 1)
heap_used_kib() {
    jcmd "$PID" GC.run >/dev/null
    sleep 1
    jcmd "$PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/[^0-9]/, "", v); print v; exit } }'
}
FIFO=$(mktemp -u); mkfifo "$FIFO"
 JVM_PID=$PID HOLD_MS=$([ "$NODES" = 2 ] || [ "${HEAP:-1}" = 0 ] || echo 20000) node "$NODE_DIR/realtime-fanout.js" "$URLS" "$MEMBERS" "$SESSIONS" "$ACTIONS" "$TOKEN" > "$FIFO" &
CLIENT=$!
CONNECTED=""
while IFS= read -r line; do
    case "$line" in
        HOLD) CONNECTED=$(heap_used_kib)
              echo "heap used with ${MEMBERS} connections: ${CONNECTED} KiB; RSS $(server_rss_mib) MiB" ;;
        RELEASED) RELEASED=$(heap_used_kib)
              echo "heap used with them closed: ${RELEASED} KiB: $(( (CONNECTED - RELEASED) / MEMBERS )) KiB per connection" ;;
        *) echo "$line" ;;
    esac
done < "$FIFO"
wait "$CLIENT"
rm -f "$FIFO"
echo "server log: $(grep -c 'messages a second: disconnected' "${FIRST_HOME:-$SERVER_HOME}/data/log/karaf.log" || true) rate_limited disconnects; $(uptime)"
