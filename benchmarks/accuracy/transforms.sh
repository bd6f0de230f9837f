#!/usr/bin/env bash
# Real recordings with relative truth: a 30 s excerpt of each real track (from 20 s in), time-stretched by
# known tempo ratios (rubberband and soundstretch, alternating) and pitch-shifted by known semitones
# (rubberband): the tempo must scale by the ratio, the key move by the semitones (consistency.py).
# Writes FOLDER/*.wav (a cache: existing files are kept) and FOLDER/manifest.tsv
# (file, excerpt it came from, kind: original | tempo | pitch, factor: tempo ratio or semitones).
# Usage: transforms.sh FOLDER TRACK...
set -euo pipefail
folder="$1"; shift
mkdir -p "$folder"
manifest="$folder/manifest.tsv"
: > "$manifest.part"
n=0
for track in "$@"; do
  n=$((n + 1))
  base="$folder/real-$n"
  original="$base.wav"
  if [ ! -s "$original" ]; then
    length=$(soxi -D "$track")
    start=$(awk -v l="$length" 'BEGIN { print (l >= 55 ? 20 : 0) }')
    nice -n 10 sox -q "$track" -r 44100 -b 16 "$original" trim "$start" 30
  fi
  printf '%s\t%s\t%s\t%s\n' "$original" "$track" original 1 >> "$manifest.part"
  i=0
  for ratio in 0.8 0.9 1.12 1.25; do
    i=$((i + 1))
    out="$base-tempo-$ratio.wav"
    if [ ! -s "$out" ]; then
      if [ $((i % 2)) -eq 1 ]; then
        percent=$(awk -v r="$ratio" 'BEGIN { printf "%.1f", (r - 1) * 100 }')
        nice -n 10 soundstretch "$original" "$out" -tempo="$percent" >/dev/null 2>&1
      else
        nice -n 10 rubberband -q -T "$ratio" "$original" "$out" >/dev/null 2>&1
      fi
    fi
    printf '%s\t%s\t%s\t%s\n' "$out" "$track" tempo "$ratio" >> "$manifest.part"
  done
  for semitones in -2 1 3 5; do
    out="$base-pitch-$semitones.wav"
    [ -s "$out" ] || nice -n 10 rubberband -q -p "$semitones" "$original" "$out" >/dev/null 2>&1
    printf '%s\t%s\t%s\t%s\n' "$out" "$track" pitch "$semitones" >> "$manifest.part"
  done
done
mv "$manifest.part" "$manifest"
cut -f1 "$manifest"
