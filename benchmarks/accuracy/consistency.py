#!/usr/bin/env python3
"""Consistency on real recordings (transforms.sh): a time-stretched copy's tempo must be the original's
times the ratio (within 4 %; "any level" also accepts x2, x3, x1/2, x1/3 of it), a pitch-shifted copy's
key must be the original's moved by the semitones, in the same mode. No ground truth is needed: the
estimate on the original is the reference. Prints a Markdown table.

Usage: consistency.py ESTIMATES.jsonl MANIFEST.tsv [title]
"""
import json
import os
import sys

from score import acc1, acc2

estimates = {}
with open(sys.argv[1]) as f:
    for line in f:
        if line.strip():
            r = json.loads(line)
            estimates[os.path.abspath(r["file"])] = r  # relative names are taken from the working folder
rows = []
with open(sys.argv[2]) as f:
    for line in f:
        file, source, kind, factor = line.rstrip("\n").split("\t")
        rows.append((os.path.abspath(file), source, kind, float(factor)))
originals = {source: estimates.get(file) for file, source, kind, _ in rows if kind == "original"}
tempo, tempo_any, key, skipped = [], [], [], set()
for file, source, kind, factor in rows:
    base, copy = originals.get(source), estimates.get(file)
    if kind == "original" or base is None or copy is None or "error" in base or "error" in copy:
        continue
    if kind == "tempo":
        if base["tempo"] <= 0:
            skipped.add(source)
            continue
        tempo.append(acc1(copy["tempo"], base["tempo"] * factor))
        tempo_any.append(acc2(copy["tempo"], base["tempo"] * factor))
    elif kind == "pitch":
        if base["key"] < 0:
            skipped.add(source)
            continue
        key.append(copy["key"] == (base["key"] + int(factor)) % 12 and copy["mode"] == base["mode"])


def share(flags):
    return f"{sum(flags) / len(flags):.3f} ({sum(flags)}/{len(flags)})" if flags else "-"


title = sys.argv[3] if len(sys.argv) > 3 else "consistency"
print(f"### {title}: {len(originals)} real excerpts")
print()
print("| check | consistent |")
print("| --- | --- |")
print(f"| tempo scales with the stretch ratio (within 4 %) | {share(tempo)} |")
print(f"| … at any metrical level (x2, x3, x1/2, x1/3) | {share(tempo_any)} |")
print(f"| key moves with the pitch shift, same mode | {share(key)} |")
if skipped:
    print(f"\nLeft out (no tempo or key on the original): {', '.join(sorted(skipped))}")
