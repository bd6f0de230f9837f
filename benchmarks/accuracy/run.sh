#!/usr/bin/env bash
# Accuracy and speed of the DSP analysis next to established analysers, in one run on the same files:
#   1. rendered music of known tempo, key and mode (random MIDI pieces rendered by fluidsynth with the
#      FluidR3 General MIDI soundfont; KnownTruthPieces in bundles/dsp's tests);
#   2. real recordings from Debian's game-music packages (asc-music, singularity-music,
#      hyperrogue-music), where no ground truth exists: agreement is reported.
# References: essentia.js 0.1.3 (WASM under Node: RhythmExtractor2013, KeyExtractor, LoudnessEBUR128) and
# bpm-tools' `bpm`. Speed: CPU seconds per file, decoding included for both (sox decodes for essentia.js).
# (planetblupi-music-ogg's 20-30 minute loops are left out: essentia.js would spend most of the run on them.)
# Usage (after `mvn -B -DskipTests install`): benchmarks/accuracy/run.sh [rendered pieces=24]
# Needs: apt-get install fluidsynth fluid-soundfont-gm bpm-tools sox libsox-fmt-mp3 espeak-ng
#        asc-music singularity-music hyperrogue-music time; npm (Maven Central's
#        Node is not needed: Debian's nodejs/npm or any Node >= 16).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pieces="${1:-24}"
work="$root/benchmarks/target/accuracy"
rm -rf "$work" && mkdir -p "$work"

echo "== reference tools" >&2
(cd "$here" && npm install --no-audit --no-fund --silent >/dev/null)
command -v bpm >/dev/null || { echo "bpm-tools is not installed" >&2; exit 1; }

# (written to a file: on a terminal Maven prefixes its standard output with a colour reset)
classpath_of() {
  (cd "$root/$1" && mvn -q -B -o dependency:build-classpath -Dmdep.includeScope="$2" -Dmdep.outputFile="$work/cp.txt" >/dev/null)
  cat "$work/cp.txt"
}

echo "== rendering $pieces pieces of known tempo and key" >&2
(cd "$root/bundles/dsp" && mvn -q -B -o -Dstyle.color=never test-compile)
dsp_cp="$root/bundles/dsp/target/test-classes:$root/bundles/dsp/target/classes:$(classpath_of bundles/dsp test)"
java -cp "$dsp_cp" org.audotics.dsp.internal.training.KnownTruthPieces "$work/rendered" "$pieces" 7 > "$work/truth.tsv"

real=()
for f in /usr/share/games/asc/music/*.mp3 /usr/share/games/singularity/music/*.ogg /usr/share/hyperrogue/music/*.ogg; do
  [ -f "$f" ] && real+=("$f")
done
[ ${#real[@]} -gt 0 ] || echo "no real recordings installed (see Needs above); rendered pieces only" >&2
mapfile -t rendered < <(cut -f1 "$work/truth.tsv")
files=("${rendered[@]}" "${real[@]}")
printf '%s\n' "${real[@]}" > "$work/real.txt"

echo "== Audotics on ${#files[@]} files (one thread)" >&2
bench_cp="$root/benchmarks/target/classes:$(classpath_of benchmarks compile)"
java -Xmx512m -cp "$bench_cp" org.audotics.dsp.internal.models.AnalyseFiles "${files[@]}" > "$work/audotics.jsonl"

echo "== Audotics with a pool of 2 worker threads (the default worker.threads)" >&2
java -Xmx1g -cp "$bench_cp" org.audotics.dsp.internal.models.AnalyseFiles --pool=2 "${files[@]}" > "$work/pool.json"

echo "== an hour of audio in 256 MB of heap (streaming: the decoded signal is never held)" >&2
sox -q -n -r 44100 -c 2 -b 16 "$work/hour.flac" synth 3600 pluck C3 pluck E3 pluck G3 tremolo 2 40
java -Xmx256m -cp "$bench_cp" org.audotics.dsp.internal.models.AnalyseFiles "$work/hour.flac" > "$work/hour.jsonl"

echo "== essentia.js and bpm-tools" >&2
: > "$work/essentia.jsonl"; : > "$work/bpm.tsv"
for f in "${files[@]}"; do
  decoded="$work/decoded.wav"
  start=$(date +%s.%N)
  sox -q "$f" -r 44100 -b 16 "$decoded"
  # CPU time of the decoding, added to essentia.js's own (decoding included for both)
  sox_cpu=$( { /usr/bin/time -f "%U %S" sox -V1 -q "$f" -r 44100 -b 16 "$work/again.wav" ; } 2>&1 | tail -n 1 | awk '{print $1 + $2}')
  ORIGINAL_FILE="$f" DECODE_CPU_SECONDS="$sox_cpu" node --max-old-space-size=4096 "$here/essentia-analyze.js" "$decoded" >> "$work/essentia.jsonl"
  printf '%s\t%s\n' "$f" "$(sox -q "$f" -t raw -r 44100 -e float -b 32 -c 1 - | bpm)" >> "$work/bpm.tsv"
done
rm -f "$work/decoded.wav" "$work/again.wav"

python3 "$here/report.py" "$work"
