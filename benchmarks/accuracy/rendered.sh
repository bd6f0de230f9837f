#!/usr/bin/env bash
# The accuracy benchmark of tempo, key and beats on data of known truth, from a fresh machine:
#   1. rendered music (generate.py): the HELD-OUT part (seeds 1000001..), scored by score.py;
#   2. real recordings with relative truth (transforms.sh): 30 s excerpts of Debian's asc-music,
#      singularity-music and hyperrogue-music, time-stretched and pitch-shifted, scored by consistency.py.
# Installs what it needs (Debian/Ubuntu: apt-get, as root or through sudo), builds bundles/dsp with Maven
# (no install into ~/.m2), caches audio under benchmarks/accuracy/corpus/ (git-ignored) and prints the
# held-out and consistency tables. Heavy steps run under `nice -n 10`.
# Usage: benchmarks/accuracy/rendered.sh [pieces=300] [--dev]
#   --dev also renders the development part (seeds 1..) and writes its details for develop.py; the
#   development figures are printed apart and are not the headline.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pieces="${1:-300}"
dev="${2:-}"
corpus="$here/corpus"
work="$root/bundles/dsp/target/accuracy"
mkdir -p "$corpus" "$work"

need=()
command -v fluidsynth >/dev/null || need+=(fluidsynth)
[ -f /usr/share/sounds/sf2/FluidR3_GM.sf2 ] || need+=(fluid-soundfont-gm)
command -v rubberband >/dev/null || need+=(rubberband-cli)
command -v soundstretch >/dev/null || need+=(soundstretch)
command -v sox >/dev/null || need+=(sox)
sox -h 2>/dev/null | grep -q 'mp3' || need+=(libsox-fmt-mp3)
command -v python3 >/dev/null || need+=(python3)
command -v mvn >/dev/null || need+=(maven)
command -v javac >/dev/null || need+=(openjdk-17-jdk-headless)
[ -d /usr/share/games/asc/music ] || need+=(asc-music)
[ -d /usr/share/games/singularity/music ] || need+=(singularity-music)
[ -d /usr/share/hyperrogue/music ] || need+=(hyperrogue-music)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}" >&2
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo
  $sudo_ apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q "${need[@]}" >&2
fi

echo "== building bundles/dsp" >&2
(cd "$root" && mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath -pl bundles/dsp -am \
   -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2)
cp="$root/bundles/dsp/target/test-classes:$root/bundles/dsp/target/classes:$(cat "$work/cp.txt")"
estimate() { nice -n 10 java -Xmx512m -cp "$cp" org.audotics.dsp.internal.signal.EstimateFiles "$@"; }

echo "== rendering $pieces held-out pieces (cached in $corpus/held-out)" >&2
nice -n 10 python3 "$here/generate.py" "$corpus/held-out" held-out "$pieces" 2 > "$work/held-out.list"
echo "== analysing the held-out pieces" >&2
estimate "@$work/held-out.list" > "$work/held-out.jsonl"

echo "== stretching and shifting real excerpts (cached in $corpus/real)" >&2
real=()
for f in /usr/share/games/asc/music/*.mp3 /usr/share/games/singularity/music/*.ogg /usr/share/hyperrogue/music/*.ogg; do
  [ -f "$f" ] && real+=("$f")
done
"$here/transforms.sh" "$corpus/real" "${real[@]}" > "$work/real.list"
echo "== analysing the real excerpts" >&2
estimate "@$work/real.list" > "$work/real.jsonl"

if [ "$dev" = "--dev" ]; then
  echo "== development part (figures below are development figures, not the headline)" >&2
  nice -n 10 python3 "$here/generate.py" "$corpus/dev" dev "$pieces" 2 > "$work/dev.list"
  estimate --details "@$work/dev.list" > "$work/dev-details.jsonl"
  python3 "$here/score.py" "$work/dev-details.jsonl" "DEVELOPMENT part (tuned on)"
  echo
fi

cd "$here"
python3 score.py "$work/held-out.jsonl" "Held-out rendered pieces (seeds 1000001..$((1000000 + pieces)))"
echo
python3 consistency.py "$work/real.jsonl" "$corpus/real/manifest.tsv" "Real recordings, stretched and shifted"
