#!/usr/bin/env bash
# Offline quality of the hybrid engine's model next to popularity, item-kNN, EASE and iALS on the Last.fm
# HetRec 2011 plays (../shared/data/lastfm-hetrec2011/user_artists.dat; items are artists). Protocol, metrics
# and the table it printed: docs/recommender.md.
# Usage: benchmarks/recommender-quality.sh [threads=2] [data file]
# Builds the benchmarks module and what it needs (package, no install), then runs RecommenderQuality with the
# compile class path (ND4J included: EASE's inverse and the Gram matrices go through the ml facade).
# Prints the Markdown table on standard output; progress, the wall time and `uptime` on standard error; a copy of
# both lands in benchmarks/target/quality/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
threads="${1:-2}"
data="${2:-$root/../shared/data/lastfm-hetrec2011/user_artists.dat}"
work="$root/benchmarks/target/quality"
mkdir -p "$work"
[ -f "$data" ] || { echo "no data file at $data" >&2; exit 1; }

echo "== building benchmarks (package, tests skipped)" >&2
# (the class path is written to a file: on a terminal Maven prefixes its standard output with a colour reset)
(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl benchmarks -am package dependency:build-classpath \
    -Dmdep.includeScope=compile -Dmdep.outputFile="$work/cp.txt" >&2)
cp="$root/benchmarks/target/classes:$(cat "$work/cp.txt")"

echo "== RecommenderQuality on $data, $threads threads" >&2
uptime >&2
start=$(date +%s)
java -Xmx6g -cp "$cp" org.audotics.recommender.hybrid.quality.RecommenderQuality "$data" "$threads" \
    2> >(tee "$work/progress.log" >&2) | tee "$work/table.md"
echo "wall time $(( $(date +%s) - start )) s; $(uptime)" | tee -a "$work/table.md" >&2
