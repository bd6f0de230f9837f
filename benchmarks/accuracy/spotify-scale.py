#!/usr/bin/env python3
"""Quantile mapping of our raw feature measures onto Spotify's distribution, and its figures (scale.sh).

Usage: spotify-scale.py [--fit] WORK SPOTIFY_CSV KNOTS_TSV
  WORK holds tracks.tsv (package, file), audotics.jsonl (FeatureFiles) and essentia.jsonl (essentia-analyze.js
  --danceability-only). The corpus is split by track, within each package, with random.Random(15): every
  other track of a shuffled package goes to the fitting half, the rest is held out.
  --fit writes KNOTS_TSV: per feature, 101 knots — raw 0 -> 0, the 1st..99th percentiles of the fitting half's
  raw measure -> the same percentiles of Spotify's values, raw 1 -> 1 (equal raw knots merged, their Spotify
  values averaged), which FeatureScale interpolates linearly. Without --fit the knots in KNOTS_TSV are used.
  Figures (printed): for each half, per feature, the 10/50/90 % points of the raw and the mapped values
  against Spotify's, and the Kolmogorov-Smirnov distance to Spotify's values before and after the mapping;
  Spearman's rank correlation of our danceability with essentia.js's Danceability on every track.
Spotify's values: tracks-by-genre.csv (each track id once) — tracks-1921-2020.csv holds only 1921-1939
releases despite its name, whose acoustic, low-energy recordings are not what a client of today expects.
"""
import csv
import json
import random
import sys
from collections import defaultdict

import numpy as np
from scipy import stats

FEATURES = ["energy", "danceability", "valence", "acousticness"]
LEVELS = [i / 100 for i in range(1, 100)]
SEED = 15


def spotify_values(path):
    seen, values = set(), defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["track_id"] in seen:
                continue
            seen.add(row["track_id"])
            for feature in FEATURES:
                try:
                    v = float(row[feature])
                except ValueError:
                    continue
                if 0 <= v <= 1:
                    values[feature].append(v)
    return {k: np.array(v) for k, v in values.items()}, len(seen)


def split(tracks):
    by_package = defaultdict(list)
    for package, file in tracks:
        by_package[package].append(file)
    rng = random.Random(SEED)
    fitting, held_out = set(), set()
    for package in sorted(by_package):
        files = sorted(by_package[package])
        rng.shuffle(files)
        for i, file in enumerate(files):
            (fitting if i % 2 == 0 else held_out).add(file)
    return fitting, held_out


def fit(raw, spotify):
    x = [0.0] + [float(v) for v in np.quantile(raw, LEVELS)] + [1.0]
    y = [0.0] + [float(v) for v in np.quantile(spotify, LEVELS)] + [1.0]
    merged = defaultdict(list)
    for a, b in zip((round(v, 5) for v in x), y):
        merged[a].append(b)
    xs = sorted(merged)
    ys = [round(float(np.mean(merged[a])), 5) for a in xs]
    return xs, list(np.maximum.accumulate(ys))


def write_knots(path, knots, medians, counts):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Our raw measures -> Spotify's distribution (FeatureScale; docs/dsp.md, \"Feature scale\").\n")
        f.write("# Written by benchmarks/accuracy/scale.sh --fit (spotify-scale.py): raw 0 -> 0, percentiles 1..99 of the raw\n")
        f.write(f"# measure over the fitting half of the real corpus ({counts[0]} tracks) -> the same percentiles of Spotify's values\n")
        f.write(f"# in tracks-by-genre.csv ({counts[1]} distinct tracks), raw 1 -> 1. Do not edit by hand.\n")
        for feature in FEATURES:
            xs, ys = knots[feature]
            f.write(f"{feature}\traw\t{','.join(f'{v:.5f}'.rstrip('0').rstrip('.') or '0' for v in xs)}\n")
            f.write(f"{feature}\tspotify\t{','.join(f'{v:.5f}'.rstrip('0').rstrip('.') or '0' for v in ys)}\n")
            f.write(f"{feature}\tmedian\t{medians[feature][0]:.5f},{medians[feature][1]:.5f}\n")


def read_knots(path):
    knots = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            feature, side, values = line.rstrip("\n").split("\t")
            if side == "median":
                continue
            knots.setdefault(feature, [None, None])[0 if side == "raw" else 1] = [float(v) for v in values.split(",")]
    return knots


def points(values):
    return " / ".join(f"{v:.3f}" for v in np.quantile(values, [0.1, 0.5, 0.9]))


def main(argv):
    do_fit = argv[0] == "--fit"
    work, spotify_csv, knots_tsv = argv[1:] if do_fit else argv
    with open(f"{work}/tracks.tsv", encoding="utf-8") as f:
        tracks = [tuple(line.rstrip("\n").split("\t")) for line in f if line.strip()]
    package_of = {file: package for package, file in tracks}
    ours = {}
    with open(f"{work}/audotics.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if "error" in r:
                print(f"Audotics refused {r['file']}: {r['error']}")
            else:
                ours[r["file"]] = r
    essentia = {}
    with open(f"{work}/essentia.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            essentia[r["file"]] = r["danceability"]
    spotify, distinct = spotify_values(spotify_csv)
    fitting, held_out = split(tracks)
    fitting = sorted(f for f in fitting if f in ours)
    held_out = sorted(f for f in held_out if f in ours)
    raw = lambda files, feature: np.array([ours[f]["raw"][feature] for f in files])

    if do_fit:
        knots = {feature: fit(raw(fitting, feature), spotify[feature]) for feature in FEATURES}
        medians = {feature: (float(np.median(raw(fitting, feature))), float(np.median(spotify[feature]))) for feature in FEATURES}
        write_knots(knots_tsv, knots, medians, (len(fitting), distinct))
        print(f"wrote {knots_tsv}")
    else:
        knots = read_knots(knots_tsv)
    mapped = lambda files, feature: np.interp(raw(files, feature), knots[feature][0], knots[feature][1])

    packages = defaultdict(lambda: [0, 0])
    for f in fitting:
        packages[package_of[f]][0] += 1
    for f in held_out:
        packages[package_of[f]][1] += 1
    print(f"corpus: {len(ours)} tracks analysed of {len(tracks)}; fitting {len(fitting)}, held out {len(held_out)} (seed {SEED})")
    print("package | fitting | held out")
    for p in sorted(packages):
        print(f"{p} | {packages[p][0]} | {packages[p][1]}")
    print(f"Spotify reference: {distinct} distinct tracks of tracks-by-genre.csv")
    for name, files in (("HELD-OUT", held_out), ("FITTING (the knots were fitted on it: not a test)", fitting)):
        print(f"\n{name} half, {len(files)} tracks: 10 / 50 / 90 % points and KS distance to Spotify's values")
        print("feature | Spotify | raw | mapped | KS raw | KS mapped")
        for feature in FEATURES:
            r, m, s = raw(files, feature), mapped(files, feature), spotify[feature]
            print(f"{feature} | {points(s)} | {points(r)} | {points(m)} | {stats.ks_2samp(r, s).statistic:.3f} | "
                  f"{stats.ks_2samp(m, s).statistic:.3f}")
    both = [f for f in sorted(ours) if f in essentia]
    every = sorted(ours)
    inversions = 0
    for feature in FEATURES:
        r, m = raw(every, feature), mapped(every, feature)
        order = np.argsort(r, kind="stable")
        inversions += int(np.sum(np.diff(m[order]) < -1e-12))
    print(f"\norder kept by the mapping: {inversions} adjacent inversions over {len(every)} tracks x {len(FEATURES)} features")
    ranked = sorted(every, key=lambda f: ours[f]["raw"]["energy"])
    print("lowest and highest energy (raw -> mapped): " + "; ".join(
        f"{package_of[f]} {f.rsplit('/', 1)[-1]} {ours[f]['raw']['energy']:.3f} -> "
        f"{float(np.interp(ours[f]['raw']['energy'], knots['energy'][0], knots['energy'][1])):.3f}"
        for f in ranked[:3] + ranked[-3:]))
    per_package = defaultdict(list)
    for f in every:
        per_package[package_of[f]].append(float(np.interp(ours[f]["raw"]["energy"], knots["energy"][0], knots["energy"][1])))
    print("median mapped energy per package: " + ", ".join(f"{p} {np.median(v):.2f}" for p, v in sorted(per_package.items())))
    ours_d = np.array([ours[f]["raw"]["danceability"] for f in both])
    reported_d = np.array([ours[f]["danceability"] for f in both])
    theirs = np.array([essentia[f] for f in both])
    rho, p = stats.spearmanr(ours_d, theirs)
    print(f"Spearman, our danceability vs essentia.js Danceability, all {len(both)} real tracks: {rho:.3f} (p = {p:.1e})")
    for name, files in (("held out", held_out), ("fitting", fitting)):
        sub = [f for f in files if f in essentia]
        rho_s, _ = stats.spearmanr([ours[f]["raw"]["danceability"] for f in sub], [essentia[f] for f in sub])
        print(f"  {name} half ({len(sub)}): {rho_s:.3f}")
    by_package = defaultdict(list)
    for f in both:
        by_package[package_of[f]].append(f)
    print("  per package (n >= 10): " + ", ".join(
        f"{p} {stats.spearmanr([ours[f]['raw']['danceability'] for f in fs], [essentia[f] for f in fs])[0]:.2f} ({len(fs)})"
        for p, fs in sorted(by_package.items()) if len(fs) >= 10))
    print(f"  (as reported by this run's analyser, rounded: {stats.spearmanr(reported_d, theirs)[0]:.3f})")
    print(f"essentia.js Danceability 10 / 50 / 90 %: {points(theirs)}")


if __name__ == "__main__":
    main(sys.argv[1:])
