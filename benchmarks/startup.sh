#!/usr/bin/env bash
# Cold start to the first ready answer, and resident memory after start, over several runs.
# Usage: benchmarks/startup.sh [runs]      BENCH_BACKEND=embedded for the embedded defaults
set -euo pipefail
source "$(dirname "$0")/server.sh"
RUNS=${1:-3}
for run in $(seq 1 "$RUNS"); do
    server_start
    sleep 2
    printf 'run %d (%s): ready after %d ms, RSS %d MiB\n' "$run" "${BENCH_BACKEND:-real}" "$READY_MS" "$(server_rss_mib)"
    server_stop
done
