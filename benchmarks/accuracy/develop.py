#!/usr/bin/env python3
"""Development of the tempo and key methods on the DEVELOPMENT part only: reads EstimateFiles --details
output (onset envelope and chroma per piece) and the truth beside each piece, re-implements
TempoEstimator and KeyEstimator in numpy with their constants as parameters, and searches those on the
development pieces. Never run it on the held-out part: the figures it prints are development figures.

Usage: develop.py DEV-DETAILS.jsonl [mode]
  (no mode)      tempo constants searched, key profiles compared (Krumhansl-Kessler, Temperley, Sha'ath,
                 Aarden-Essen, learned), 2-fold cross-validation where something is learned
  key            learned profiles with and without the bass chroma
  logit          the key classifier (conditional logit over the 24 keys), 2-fold, several L2
  fit-key L2     trains it on the whole development part and prints its 48 weights (shipped in 2aa7ab2,
                 reverted: worse on real recordings, see docs/dsp.md)
  tempo-logit    a learned metrical-level choice (not adopted: it did not beat the tuned constants)
  harmonic       harmonic-aware Krumhansl-Kessler profiles (each plus a share of itself a fifth and a
                 major third up, for the 3rd and 5th harmonics) with and without the bass chroma's
                 correlation added: the search behind KeyEstimator 0.3.0 (fifth share 0.2, bass weight 0.5)
DEV-DETAILS comes from `EstimateFiles --details @dev.list` (rendered.sh 300 --dev writes it).
"""
import itertools
import json
import math
import os
import sys

import numpy as np

from score import acc1, acc2, mirex

KK_MAJOR = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
KK_MINOR = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]
TEMPERLEY_MAJOR = [5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0]
TEMPERLEY_MINOR = [5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0]
# Sha'ath (2011, KeyFinder) and Aarden-Essen profiles, as published
SHAATH_MAJOR = [6.6, 2.0, 3.5, 2.3, 4.6, 4.0, 2.5, 5.2, 2.4, 3.7, 2.3, 3.4]
SHAATH_MINOR = [6.5, 2.7, 3.5, 5.4, 2.6, 3.5, 2.5, 5.2, 4.0, 2.7, 4.3, 3.2]
AARDEN_MAJOR = [17.7661, 0.145624, 14.9265, 0.160186, 19.8049, 11.3587, 0.291248, 22.062, 0.145624, 8.15494, 0.232998, 4.95122]
AARDEN_MINOR = [18.2648, 0.737619, 14.0499, 16.8599, 0.702494, 14.4362, 0.702494, 18.6161, 4.56621, 1.93186, 7.37619, 1.75623]


def load(path):
    rows = []
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            meta = os.path.splitext(r["file"])[0] + ".json"
            if "error" in r or not os.path.exists(meta):
                continue
            r["truth"] = json.load(open(meta))
            if "/held-out/" in r["file"]:
                sys.exit("develop.py must not see the held-out part")
            r["envelope"] = np.array(r["envelope"])
            for name in ("chroma", "bass_chroma", "normalised_chroma"):
                r[name] = np.array(r[name])
            rows.append(r)
    return rows


# ---------------------------------------------------------------------------------------- tempo
def autocorrelation(envelope, frame_rate, min_bpm=40, max_bpm=240):
    max_lag = int(math.ceil(60 * frame_rate / min_bpm))
    centred = envelope - envelope.mean()
    longest = min(4 * max_lag + 3, len(centred) - 1)
    n = len(centred)
    spectrum = np.fft.rfft(centred, 2 * n)
    acf = np.fft.irfft(spectrum * np.conj(spectrum))[:longest + 1]
    return acf / (n - np.arange(longest + 1))


def peak_near(acf, lag):
    centre = int(round(lag))
    lo, hi = max(1, centre - 1), min(len(acf) - 2, centre + 1)
    return lo + int(np.argmax(acf[lo:hi + 1])) if acf[centre] <= acf[lo:hi + 1].max() else centre


def comb(acf, lag, multiples=4):
    return sum(acf[peak_near(acf, m * lag)] / m for m in range(1, multiples + 1) if m * lag + 1 < len(acf))


def candidates(r, multiples):
    """The autocorrelation's peaks in 40..240 BPM with their comb scores and the double-tempo peak (cached)."""
    cache = r.setdefault("_candidates", {})
    if multiples not in cache:
        fr = r["frame_rate"]
        acf = r.get("_acf")
        if acf is None:
            acf = r["_acf"] = autocorrelation(r["envelope"], fr)
        min_lag, max_lag = int(math.floor(60 * fr / 240)), int(math.ceil(60 * fr / 40))
        lags = [lag for lag in range(min_lag, max_lag + 1) if acf[lag] >= acf[lag - 1] and acf[lag] >= acf[lag + 1]]
        combs = np.array([comb(acf, lag, multiples) for lag in lags])
        halves = [peak_near(acf, lag / 2) for lag in lags]
        cache[multiples] = (np.array(lags), combs, halves, acf, min_lag)
    return cache[multiples]


def tempo(r, centre=120.0, width=1.0, double_ratio=0.85, max_doubled=180.0, multiples=4):
    fr = r["frame_rate"]
    lags, combs, halves, acf, min_lag = candidates(r, multiples)
    if len(lags) == 0:
        return 0.0
    octaves = np.log2(60 * fr / lags / centre) / width
    i = int(np.argmax(combs * np.exp(-0.5 * octaves * octaves)))
    best = lags[i]
    if acf[best] <= 0:
        return 0.0
    half = halves[i]
    if half >= min_lag and acf[half] >= double_ratio * acf[best] and 60 * fr / half <= max_doubled:
        best = half
    return 60 * fr / best


def tempo_figures(rows, **params):
    a1 = sum(acc1(tempo(r, **params), r["truth"]["tempo"]) for r in rows) / len(rows)
    a2 = sum(acc2(tempo(r, **params), r["truth"]["tempo"]) for r in rows) / len(rows)
    return a1, a2


# ------------------------------------------------------------------------------------------ key
def key(chroma, major, minor):
    if chroma.sum() <= 1e-9:
        return -1, 1, 0.0
    best = (-1, 1, -math.inf)
    for tonic in range(12):
        for mode, profile in ((1, major), (0, minor)):
            c = np.corrcoef(chroma, np.roll(profile, tonic))[0, 1]
            if c > best[2]:
                best = (tonic, mode, c)
    return best


def key_figure(rows, major, minor, transform=lambda c: c):
    return sum(mirex(*key(transform(r["chroma"]), major, minor)[:2], r["truth"]["key"], r["truth"]["mode"]) for r in rows) / len(rows)


def learned_profiles(rows, transform=lambda c: c):
    """Mean chroma, each normalised and rotated to its true tonic, per mode (the recipe of 'learned profiles')."""
    sums = {0: np.zeros(12), 1: np.zeros(12)}
    for r in rows:
        c = transform(r["chroma"])
        c = c / c.sum()
        sums[r["truth"]["mode"]] += np.roll(c, -r["truth"]["key"])
    return sums[1] / sums[1].sum(), sums[0] / sums[0].sum()


def main():
    rows = load(sys.argv[1])
    print(f"development pieces: {len(rows)}")
    java_agrees = sum(abs(tempo(r) - r["tempo"]) < 0.5 or (r["tempo"] > 0 and abs(tempo(r) / r["tempo"] - 1) < 0.02) for r in rows)
    print(f"numpy tempo re-implementation agrees with Java (within 2 %) on {java_agrees}/{len(rows)}")
    print("current tempo Acc1/Acc2: %.3f / %.3f" % tempo_figures(rows))
    results = []
    for centre, width, ratio, top, multiples in itertools.product([90, 100, 110, 120, 130], [0.7, 1.0, 1.4, 2.0], [0.7, 0.85, 1.0, 2.0],
                                                                 [180, 200, 240], [4, 6, 8]):
        a1, a2 = tempo_figures(rows, centre=centre, width=width, double_ratio=ratio, max_doubled=top, multiples=multiples)
        results.append((a1, a2, centre, width, ratio, top, multiples))
    results.sort(reverse=True)
    print("best tempo parameters (Acc1, Acc2, centre, width, double ratio, max doubled, comb multiples):")
    for line in results[:8]:
        print("  %.3f %.3f %s" % (line[0], line[1], line[2:]))

    transforms = {"linear": lambda c: c, "sqrt": np.sqrt, "square": np.square}
    for name, (major, minor) in {"Krumhansl-Kessler": (KK_MAJOR, KK_MINOR), "Temperley": (TEMPERLEY_MAJOR, TEMPERLEY_MINOR),
                                 "Sha'ath": (SHAATH_MAJOR, SHAATH_MINOR), "Aarden-Essen": (AARDEN_MAJOR, AARDEN_MINOR)}.items():
        for tname, t in transforms.items():
            print(f"key MIREX, {name} profiles, {tname} chroma: {key_figure(rows, np.array(major), np.array(minor), t):.3f}")
    # learned profiles: fitted on one half of the development part, scored on the other (and the reverse)
    even, odd = rows[0::2], rows[1::2]
    for tname, t in transforms.items():
        m1, n1 = learned_profiles(even, t)
        m2, n2 = learned_profiles(odd, t)
        cross = (key_figure(odd, m1, n1, t) * len(odd) + key_figure(even, m2, n2, t) * len(even)) / len(rows)
        print(f"key MIREX, profiles learned on the other half of the development part, {tname} chroma: {cross:.3f}")
    major, minor = learned_profiles(rows)
    print("learned major", np.round(major * 100 / major[0] * 6.35 / 100, 2).tolist())
    print("learned minor", np.round(minor * 100 / minor[0] * 6.33 / 100, 2).tolist())


def scores24(chroma, major, minor):
    """Pearson correlation with the 24 rotated profiles: index 2 * tonic + (1 for major, 0 for minor)."""
    out = np.zeros(24)
    for tonic in range(12):
        out[2 * tonic + 1] = np.corrcoef(chroma, np.roll(major, tonic))[0, 1]
        out[2 * tonic] = np.corrcoef(chroma, np.roll(minor, tonic))[0, 1]
    return out


def combined_key(r, profiles, bass_weight, source="chroma", transform=np.sqrt):
    major, minor, bass_major, bass_minor = profiles
    s = scores24(transform(r[source]), major, minor)
    if bass_weight:
        s = s + bass_weight * scores24(transform(r["bass_chroma"]), bass_major, bass_minor)
    best = int(np.argmax(s))
    return best // 2, best % 2, s


def learn_all(rows, source, transform):
    major, minor = learned_profiles(rows, lambda c, r=None: c, ) if False else (None, None)
    sums = {k: np.zeros(12) for k in ("major", "minor", "bass major", "bass minor")}
    for r in rows:
        m = "major" if r["truth"]["mode"] == 1 else "minor"
        for prefix, name in (("", source), ("bass ", "bass_chroma")):
            c = transform(r[name])
            sums[prefix + m] += np.roll(c / max(c.sum(), 1e-12), -r["truth"]["key"])
    return [sums[k] / sums[k].sum() for k in ("major", "minor", "bass major", "bass minor")]


def key_experiments(rows):
    even, odd = rows[0::2], rows[1::2]
    for source in ("chroma", "normalised_chroma"):
        for tname, t in (("linear", lambda c: c), ("sqrt", np.sqrt)):
            for bass_weight in (0, 0.25, 0.5, 1.0):
                total = 0
                for train, test in ((even, odd), (odd, even)):
                    profiles = learn_all(train, source, t)
                    total += sum(mirex(*combined_key(r, profiles, bass_weight, source, t)[:2], r["truth"]["key"], r["truth"]["mode"]) for r in test)
                kk = [np.array(KK_MAJOR), np.array(KK_MINOR), np.array(KK_MAJOR), np.array(KK_MINOR)]
                fixed = sum(mirex(*combined_key(r, kk, bass_weight, source, t)[:2], r["truth"]["key"], r["truth"]["mode"]) for r in rows)
                print(f"key MIREX {source:18s} {tname:6s} bass weight {bass_weight}: learned (2-fold) {total / len(rows):.3f}, KK {fixed / len(rows):.3f}")


# ------------------------------------------------------------- key: a conditional-logit classifier
def standardised(c):
    c = np.sqrt(np.maximum(c, 0))
    sd = c.std()
    return (c - c.mean()) / sd if sd > 0 else c * 0


BASS_PRESENT = 0.03  # bass chroma / treble chroma below this: no bass line, only leakage (pads and melody: < 0.022)


def key_features(r):
    """24 x 24: for each candidate key (2 * tonic + major), the treble and bass chroma rotated to that tonic."""
    treble = standardised(r["chroma"])
    has_bass = r["bass_chroma"].sum() >= BASS_PRESENT * r["chroma"].sum()
    bass = standardised(r["bass_chroma"]) if has_bass else np.zeros(12)
    out = np.zeros((24, 24))
    for tonic in range(12):
        x = np.concatenate([np.roll(treble, -tonic), np.roll(bass, -tonic)])
        out[2 * tonic] = x
        out[2 * tonic + 1] = x
    return out


def logit_scores(X, W):
    # X: (n, 24 candidates, 24 features); W: (2 modes, 24 features); candidate k uses W[k % 2]
    return np.einsum("nkf,kf->nk", X, np.tile(W, (12, 1)))


def train_key_logit(rows, l2=1e-3, steps=3000, rate=0.05):
    X = np.array([key_features(r) for r in rows])
    y = np.array([2 * r["truth"]["key"] + r["truth"]["mode"] for r in rows])
    W = np.zeros((2, 24))
    m, v = np.zeros_like(W), np.zeros_like(W)
    for step in range(1, steps + 1):
        s = logit_scores(X, W)
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        p[np.arange(len(y)), y] -= 1  # d loss / d score
        grad_k = np.einsum("nk,nkf->kf", p, X) / len(y)  # per candidate
        grad = np.stack([grad_k[0::2].sum(axis=0), grad_k[1::2].sum(axis=0)]) + l2 * W
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        W -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return W


def logit_key(r, W):
    s = logit_scores(key_features(r)[None], W)[0]
    p = np.exp(s - s.max())
    p /= p.sum()
    best = int(np.argmax(s))
    return best // 2, best % 2, float(p[best])


def logit_experiments(rows):
    even, odd = rows[0::2], rows[1::2]
    for l2 in (1e-4, 1e-3, 1e-2, 1e-1):
        total = 0
        for train, test in ((even, odd), (odd, even)):
            W = train_key_logit(train, l2=l2)
            total += sum(mirex(*logit_key(r, W)[:2], r["truth"]["key"], r["truth"]["mode"]) for r in test)
        print(f"key MIREX, conditional logit (2-fold on the development part), L2 {l2}: {total / len(rows):.3f}")


def fit_key_logit(rows, l2):
    W = train_key_logit(rows, l2=l2)
    print("MAJOR_WEIGHTS =", np.round(W[1], 4).tolist())
    print("MINOR_WEIGHTS =", np.round(W[0], 4).tolist())


# ------------------------------------------------------ tempo: a conditional logit over the peaks
def acf_at(acf, lag):
    return acf[peak_near(acf, lag)] if 1 <= lag and lag + 2 < len(acf) else 0.0


def tempo_candidate_features(r):
    """Per autocorrelation peak in 40..240 BPM: where it lies (log2 of BPM / 120 and its square) and how
    the autocorrelation at its multiples and fractions compares with it, all scaled by the largest peak."""
    lags, combs, _, acf, _ = candidates(r, 4)
    if len(lags) == 0:
        return lags, np.zeros((0, 10))
    top = max(acf[lags].max(), 1e-12)
    top_comb = max(combs.max(), 1e-12)
    fr = r["frame_rate"]
    rows = []
    for lag, c in zip(lags, combs):
        o = math.log2(60 * fr / lag / 120)
        rows.append([o, o * o, c / top_comb, acf[lag] / top, acf_at(acf, lag / 2) / top, acf_at(acf, lag / 3) / top,
                     acf_at(acf, 2 * lag) / top, acf_at(acf, 3 * lag) / top, acf_at(acf, 1.5 * lag) / top, acf_at(acf, 4 * lag) / top])
    return lags, np.array(rows)


def train_tempo_logit(rows, l2=1e-3, steps=2000, rate=0.05):
    data = []
    for r in rows:
        lags, X = tempo_candidate_features(r)
        right = [i for i, lag in enumerate(lags) if acc1(60 * r["frame_rate"] / lag, r["truth"]["tempo"])]
        if right:
            data.append((X, right))
    w = np.zeros(data[0][0].shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        grad = l2 * w
        for X, right in data:
            s = X @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            target = np.zeros(len(p))
            target[right] = p[right] / p[right].sum()  # any peak within 4 % of the truth is right
            grad += X.T @ (p - target) / len(data)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def logit_tempo(r, w):
    lags, X = tempo_candidate_features(r)
    if len(lags) == 0:
        return 0.0
    return 60 * r["frame_rate"] / lags[int(np.argmax(X @ w))]


def tempo_logit_experiments(rows):
    even, odd = rows[0::2], rows[1::2]
    for l2 in (1e-3, 1e-2):
        a1 = a2 = 0
        for train, test in ((even, odd), (odd, even)):
            w = train_tempo_logit(train, l2=l2)
            a1 += sum(acc1(logit_tempo(r, w), r["truth"]["tempo"]) for r in test)
            a2 += sum(acc2(logit_tempo(r, w), r["truth"]["tempo"]) for r in test)
        print(f"tempo conditional logit (2-fold on the development part), L2 {l2}: Acc1 {a1 / len(rows):.3f} Acc2 {a2 / len(rows):.3f}")


# ------------------------------------------- key: harmonic-aware profiles plus the bass (shipped in 0.3.0)
def harmonic_profiles(fifth, third):
    """24 x 12 centred, unit-length profiles (row 2 * tonic + 1 major, 2 * tonic minor): each KK profile plus
    `fifth` of itself rotated a fifth up (3rd harmonics) and `third` of itself a major third up (5th)."""
    rows = np.zeros((24, 12))
    for mode, p in ((1, np.array(KK_MAJOR)), (0, np.array(KK_MINOR))):
        q = p + fifth * np.roll(p, 7) + third * np.roll(p, 4)
        for tonic in range(12):
            rows[2 * tonic + mode] = np.roll(q, tonic)
    rows -= rows.mean(axis=1, keepdims=True)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def harmonic_key(r, profiles, bass_weight):
    def unit(c):
        c = c - c.mean()
        n = np.linalg.norm(c)
        return c / n if n > 0 else c
    s = profiles @ unit(r["chroma"])
    if bass_weight and r["bass_chroma"].sum() >= BASS_PRESENT * r["chroma"].sum():
        s = s + bass_weight * (profiles @ unit(r["bass_chroma"]))
    best = int(np.argmax(s))
    return best // 2, best % 2


def harmonic_experiments(rows):
    for fifth, third, bass_weight in itertools.product([0, 0.1, 0.2, 0.25, 0.35, 0.5, 0.75], [0, 0.15, 0.3], [0, 0.25, 0.5, 0.8]):
        profiles = harmonic_profiles(fifth, third)
        total = sum(mirex(*harmonic_key(r, profiles, bass_weight), r["truth"]["key"], r["truth"]["mode"]) for r in rows)
        print(f"key MIREX, KK + {fifth} fifth + {third} third harmonics, bass weight {bass_weight}: {total / len(rows):.3f}")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "harmonic":
        harmonic_experiments(load(sys.argv[1]))
        sys.exit()
    if len(sys.argv) > 2 and sys.argv[2] == "tempo-logit":
        tempo_logit_experiments(load(sys.argv[1]))
        sys.exit()
    if len(sys.argv) > 2 and sys.argv[2] == "logit":
        logit_experiments(load(sys.argv[1]))
        sys.exit()
    if len(sys.argv) > 3 and sys.argv[2] == "fit-key":
        fit_key_logit(load(sys.argv[1]), float(sys.argv[3]))
        sys.exit()
    if len(sys.argv) > 2 and sys.argv[2] == "key":
        key_experiments(load(sys.argv[1]))
        sys.exit()
    main()
