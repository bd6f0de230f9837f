#!/usr/bin/env bash
# Concurrent edits of ONE playlist: accepted edits per second and the share answered 409 (stale snapshot_id).
# Starts the built distribution (PostgreSQL + Redis unless BENCH_BACKEND=embedded), imports 50 generated tracks,
# registers one user, fills one playlist with 200 tracks, then runs playlist-edits.py: N client threads that each
# read the playlist's snapshot_id and send a positional change with it (a reorder, an insert at a position, or a
# removal at a position), as an editing client does; a 409 is counted and the client reads again.
# Usage: benchmarks/playlist-edits.sh [seconds=30] [clients=8]
set -euo pipefail
source "$(dirname "$0")/server.sh"
WORK=$(mktemp -d)
trap 'server_stop; rm -rf "$WORK"' EXIT
server_start
echo "ready after ${READY_MS} ms (${BENCH_BACKEND:-real})"
python3 - > "$WORK/tracks.jsonl" <<'PY'
import json
for i in range(50):
    print(json.dumps({"external_id": f"bench-edit-{i}", "name": f"Edit {i}", "artists": [{"external_id": "bench-edit-artist", "name": "Editors"}],
                      "album": {"external_id": "bench-edit-album", "name": "Edits"}, "genres": ["bench"], "popularity": 50, "duration_ms": 200000,
                      "explicit": False, "track_number": i + 1, "disc_number": 1}))
PY
import_file "$WORK/tracks.jsonl" > "$WORK/ids"
python3 "$ROOT/benchmarks/playlist-edits.py" "localhost:$PORT" "$WORK/ids" "${1:-30}" "${2:-8}"
