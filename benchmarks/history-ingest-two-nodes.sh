#!/usr/bin/env bash
# history-ingest.sh with two nodes on one PostgreSQL database and one Redis prefix (ports BENCH_PORT and BENCH_PORT+1),
# clients split across both; prints the events/s summed over both nodes and the POST latency percentiles of all.
# Usage: benchmarks/history-ingest-two-nodes.sh [seconds=60] [clients=16] [batch=1000] [spread_days=1] [rate=0]
BENCH_NODES=2 exec "$(dirname "$0")/history-ingest.sh" "$@"
