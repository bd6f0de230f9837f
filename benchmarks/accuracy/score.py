#!/usr/bin/env python3
"""Scores estimates (EstimateFiles' JSON lines) against the truth written beside rendered pieces
(generate.py): tempo Acc1 (within 4 %) and Acc2 (also x2, x3, x1/2, x1/3), the MIREX key score (same 1,
fifth 0.5, relative 0.3, parallel 0.2), beat F-measure with a +-70 ms window (beats in the first 5 s
left out on both sides, as mir_eval does), and a reliability table of key and mode accuracy by
confidence. Prints a Markdown report. Standard library only.

Usage: score.py ESTIMATES.jsonl [title]
"""
import json
import os
import sys

KEYS = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]


def acc1(estimate, reference):
    return reference > 0 and abs(estimate - reference) <= 0.04 * reference


def acc2(estimate, reference):
    return any(acc1(estimate, reference * m) for m in (1, 2, 0.5, 3, 1 / 3))


def key_relation(key, mode, ref_key, ref_mode):
    if key < 0:
        return "none"
    if key == ref_key and mode == ref_mode:
        return "same"
    if mode == ref_mode and (key - ref_key) % 12 == 7:
        return "fifth above"
    if mode == ref_mode and (key - ref_key) % 12 == 5:
        return "fifth below"
    if mode != ref_mode:
        relative = (ref_key + 9) % 12 if ref_mode == 1 else (ref_key + 3) % 12
        if key == relative:
            return "relative"
        if key == ref_key:
            return "parallel"
    return "other"


MIREX = {"same": 1.0, "fifth above": 0.5, "fifth below": 0.5, "relative": 0.3, "parallel": 0.2}


def mirex(key, mode, ref_key, ref_mode):
    return MIREX.get(key_relation(key, mode, ref_key, ref_mode), 0.0)


def beat_f(estimated, reference, window=0.07, skip=5.0):
    estimated = [b for b in estimated if b >= skip]
    reference = [b for b in reference if b >= skip]
    if not estimated or not reference:
        return 0.0
    used = set()
    hits = 0
    for r in reference:
        best = None
        for i, e in enumerate(estimated):
            if i not in used and abs(e - r) <= window and (best is None or abs(e - r) < abs(estimated[best] - r)):
                best = i
        if best is not None:
            used.add(best)
            hits += 1
    precision = hits / len(estimated)
    recall = hits / len(reference)
    return 0.0 if hits == 0 else 2 * precision * recall / (precision + recall)


def tempo_relation(estimate, reference):
    if acc1(estimate, reference):
        return "1:1"
    for name, m in (("2:1", 2), ("1:2", 0.5), ("3:1", 3), ("1:3", 1 / 3), ("3:2", 1.5), ("2:3", 2 / 3), ("4:3", 4 / 3), ("3:4", 0.75),
                    ("5:4", 1.25), ("4:5", 0.8), ("5:2", 2.5), ("2:5", 0.4), ("4:1", 4), ("1:4", 0.25)):
        if acc1(estimate, reference * m):
            return name
    return "other"


def load(path):
    rows = []
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            meta = os.path.splitext(r["file"])[0] + ".json"
            if "error" in r or not os.path.exists(meta):
                continue
            with open(meta) as m:
                r["truth"] = json.load(m)
            rows.append(r)
    return rows


def share(flags):
    flags = list(flags)
    return (sum(flags) / len(flags), sum(flags), len(flags)) if flags else (0.0, 0, 0)


def fmt(result):
    value, hits, total = result
    return f"{value:.3f} ({hits}/{total})"


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def report(rows, title):
    out = [f"### {title}: {len(rows)} pieces", ""]
    out.append("| subset | pieces | tempo Acc1 | tempo Acc2 | MIREX key | key exact | mode right | beat F (70 ms) |")
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    subsets = [("all", rows), ("with drums", [r for r in rows if r["truth"]["drums"]]),
               ("without drums", [r for r in rows if not r["truth"]["drums"]])]
    for meter in ("4/4", "3/4", "6/8", "5/4"):
        subsets.append((meter, [r for r in rows if r["truth"]["meter"] == meter]))
    subsets.append(("swing", [r for r in rows if r["truth"]["swing"] > 0.5]))
    for ensemble in ("band", "band without drums", "pads and melody", "solo piano", "electronic"):
        subsets.append((ensemble, [r for r in rows if r["truth"]["ensemble"] == ensemble]))
    for name, subset in subsets:
        if not subset:
            continue
        t = [r["truth"] for r in subset]
        out.append("| {} | {} | {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |".format(
            name, len(subset),
            fmt(share(acc1(r["tempo"], r["truth"]["tempo"]) for r in subset)),
            fmt(share(acc2(r["tempo"], r["truth"]["tempo"]) for r in subset)),
            mean(mirex(r["key"], r["mode"], r["truth"]["key"], r["truth"]["mode"]) for r in subset),
            share(r["key"] == r["truth"]["key"] and r["mode"] == r["truth"]["mode"] for r in subset)[0],
            share(r["mode"] == r["truth"]["mode"] for r in subset)[0],
            mean(beat_f(r["beats"], r["truth"]["beats"]) for r in subset)))
    out.append("")
    relations = {}
    for r in rows:
        relations.setdefault(tempo_relation(r["tempo"], r["truth"]["tempo"]), []).append(r)
    out.append("Tempo read / true: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(relations.items(), key=lambda kv: -len(kv[1]))))
    keys = {}
    for r in rows:
        keys.setdefault(key_relation(r["key"], r["mode"], r["truth"]["key"], r["truth"]["mode"]), []).append(r)
    out.append("Key read vs true: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(keys.items(), key=lambda kv: -len(kv[1]))))
    by_scale = {}
    for r in rows:
        by_scale.setdefault(r["truth"]["scale"], []).append(mirex(r["key"], r["mode"], r["truth"]["key"], r["truth"]["mode"]))
    out.append("MIREX by scale: " + ", ".join(f"{k} {mean(v):.2f} ({len(v)})" for k, v in sorted(by_scale.items())))
    out.append("")
    out.append("Reliability (key and mode exact, by key confidence; fifths of the pieces by confidence):")
    out.append("")
    out.append("| key confidence | pieces | key+mode exact | MIREX | mode right |")
    out.append("| --- | --- | --- | --- | --- |")
    ordered = sorted(rows, key=lambda r: r["key_confidence"])
    for q in range(5):
        part = ordered[q * len(ordered) // 5:(q + 1) * len(ordered) // 5]
        if not part:
            continue
        out.append("| {:.2f}–{:.2f} | {} | {:.3f} | {:.3f} | {:.3f} |".format(
            part[0]["key_confidence"], part[-1]["key_confidence"], len(part),
            share(r["key"] == r["truth"]["key"] and r["mode"] == r["truth"]["mode"] for r in part)[0],
            mean(mirex(r["key"], r["mode"], r["truth"]["key"], r["truth"]["mode"]) for r in part),
            share(r["mode"] == r["truth"]["mode"] for r in part)[0]))
    out.append("")
    out.append("| tempo confidence | pieces | tempo Acc1 |")
    out.append("| --- | --- | --- |")
    ordered = sorted(rows, key=lambda r: r["tempo_confidence"])
    for q in range(5):
        part = ordered[q * len(ordered) // 5:(q + 1) * len(ordered) // 5]
        if part:
            out.append("| {:.2f}–{:.2f} | {} | {:.3f} |".format(part[0]["tempo_confidence"], part[-1]["tempo_confidence"], len(part),
                                                               share(acc1(r["tempo"], r["truth"]["tempo"]) for r in part)[0]))
    cpu = sum(r["cpu_seconds"] for r in rows)
    audio = sum(r["duration"] for r in rows)
    out.append("")
    out.append(f"Speed (signal analysis, decoding included, one thread): {audio / cpu:.0f}x real time ({audio:.0f} s of audio in {cpu:.1f} s CPU)")
    return "\n".join(out)


if __name__ == "__main__":
    print(report(load(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else os.path.basename(sys.argv[1])))
