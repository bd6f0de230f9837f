#!/usr/bin/env bash
# The reference corpus of real recordings for the feature scale (benchmarks/accuracy/scale.sh): every music
# track of eight Debian game-music packages of different styles, 30 s or longer, as files the analyser reads
# (Ogg Vorbis and MP3 as installed; Ogg inside Quake-style .pk3 zips extracted; Opus, which the analyser does
# not decode, turned into FLAC). Audio stays out of git: FOLDER is a cache under benchmarks/accuracy/corpus/.
# Prints "package<TAB>file" per track, sorted.
# Usage: scale-corpus.sh FOLDER   (installs what is missing: needs root and Debian's package lists)
set -euo pipefail
folder="$(mkdir -p "$1" && cd "$1" && pwd)"
packages=(asc-music singularity-music hyperrogue-music drascula-music wesnoth-1.16-music nexuiz-music ufoai-music warzone2100-music)
missing=()
for p in "${packages[@]}" sox libsox-fmt-mp3 opus-tools unzip; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
fi
for pk3 in /usr/share/games/nexuiz/data/music.pk3:nexuiz-music /usr/share/games/ufoai/base/0music.pk3:ufoai-music; do
  out="$folder/${pk3##*:}"
  [ -d "$out" ] || { mkdir -p "$out.part" && unzip -q -j -o "${pk3%%:*}" '*.ogg' -d "$out.part" && mv "$out.part" "$out"; }
done
out="$folder/warzone2100-music"
mkdir -p "$out"
while IFS= read -r opus; do
  flac="$out/$(basename "$(dirname "$opus")")-$(basename "$opus" .opus).flac"
  if [ ! -s "$flac" ]; then
    nice -n 10 opusdec --quiet --rate 48000 "$opus" "$flac.wav"
    nice -n 10 sox -q "$flac.wav" "$flac" && rm -f "$flac.wav"
  fi
done < <(dpkg -L warzone2100-music | grep '\.opus$')
{
  for f in /usr/share/games/asc/music/*.mp3; do printf 'asc-music\t%s\n' "$f"; done
  for f in /usr/share/games/singularity/music/*.ogg; do printf 'singularity-music\t%s\n' "$f"; done
  for f in /usr/share/hyperrogue/music/*.ogg; do printf 'hyperrogue-music\t%s\n' "$f"; done
  for f in /usr/share/scummvm/drascula/audio/*.ogg; do printf 'drascula-music\t%s\n' "$f"; done
  dpkg -L wesnoth-1.16-music | grep '/music/.*\.ogg$' | sed 's/^/wesnoth-1.16-music\t/'
  for f in "$folder"/nexuiz-music/*.ogg; do printf 'nexuiz-music\t%s\n' "$f"; done
  for f in "$folder"/ufoai-music/*.ogg; do printf 'ufoai-music\t%s\n' "$f"; done
  for f in "$folder"/warzone2100-music/*.flac; do printf 'warzone2100-music\t%s\n' "$f"; done
} | while IFS=$'\t' read -r package file; do
  [ -f "$file" ] || continue
  length=$(soxi -D "$file" 2>/dev/null || echo 0)
  awk -v l="$length" 'BEGIN { exit !(l >= 30) }' && printf '%s\t%s\n' "$package" "$file"
done | sort
