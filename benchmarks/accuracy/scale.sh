#!/usr/bin/env bash
# Our energy, danceability, valence and acousticness on Spotify's scale (docs/dsp.md, "Feature scale"):
#   1. the reference corpus: every track of eight Debian game-music packages (scale-corpus.sh), split by
#      track into a fitting and a held-out half (seed 15, within each package);
#   2. the whole Audotics analysis of every track (FeatureFiles: raw measures and reported features) and
#      essentia.js's Danceability of the same files, in this one run;
#   3. spotify-scale.py: with --fit, quantile knots from the fitting half's raw measures to Spotify's
#      distribution (tracks-by-genre.csv of ../shared/data) written to bundles/dsp's scale/spotify-scale.tsv;
#      always the figures: each half's distribution before and after the mapping against Spotify's, and the
#      rank correlation with essentia.js's danceability.
# Usage: benchmarks/accuracy/scale.sh [--fit]    (CPU work runs under nice; audio is cached in corpus/scale)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/benchmarks/target/scale"
mkdir -p "$work"

echo "== corpus" >&2
"$here/scale-corpus.sh" "$here/corpus/scale" > "$work/tracks.tsv"
cut -f2 "$work/tracks.tsv" > "$work/files.txt"
echo "$(wc -l < "$work/files.txt") tracks" >&2

echo "== Audotics" >&2
(cd "$root/bundles/dsp" && mvn -q -B -o -Dstyle.color=never test-compile)
(cd "$root/bundles/dsp" && mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null)
nice -n 10 java -Xmx1g -cp "$root/bundles/dsp/target/test-classes:$root/bundles/dsp/target/classes:$(cat "$work/cp.txt")" \
  org.audotics.dsp.internal.models.FeatureFiles "@$work/files.txt" > "$work/audotics.jsonl"

echo "== essentia.js Danceability" >&2
(cd "$here" && npm install --no-audit --no-fund --silent >/dev/null)
: > "$work/essentia.jsonl"
while IFS= read -r f; do
  nice -n 10 sox -q "$f" -r 44100 -b 16 "$work/decoded.wav"
  ORIGINAL_FILE="$f" nice -n 10 node --max-old-space-size=4096 "$here/essentia-analyze.js" --danceability-only "$work/decoded.wav" >> "$work/essentia.jsonl"
done < "$work/files.txt"
rm -f "$work/decoded.wav"

python3 "$here/spotify-scale.py" "$@" "$work" "$root/../shared/data/spotify-features/tracks-by-genre.csv" \
  "$root/bundles/dsp/src/main/resources/scale/spotify-scale.tsv"
