#!/usr/bin/env python3
"""Summarises benchmarks/accuracy/run.sh: tempo Acc1/Acc2, MIREX weighted key score, loudness
difference and speed, for Audotics, essentia.js and bpm-tools, on rendered pieces (against the truth)
and real recordings (against each other). Standard library only."""
import json
import os
import statistics
import sys

work = sys.argv[1]
KEYS = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]


def jsonl(name):
    with open(os.path.join(work, name)) as f:
        return {r["file"]: r for r in (json.loads(line) for line in f if line.strip())}


ours = jsonl("audotics.jsonl")
ess = jsonl("essentia.jsonl")
bpm = {}
with open(os.path.join(work, "bpm.tsv")) as f:
    for line in f:
        name, _, value = line.rstrip("\n").partition("\t")
        bpm[name] = float(value) if value.strip() else 0.0
truth = {}
with open(os.path.join(work, "truth.tsv")) as f:
    for line in f:
        name, tempo, key, mode = line.rstrip("\n").split("\t")
        truth[name] = (float(tempo), int(key), int(mode))
real = [l.strip() for l in open(os.path.join(work, "real.txt")) if l.strip()]


def acc1(estimate, reference):
    return reference > 0 and abs(estimate - reference) <= 0.04 * reference


def acc2(estimate, reference):
    return any(acc1(estimate, reference * m) for m in (1, 2, 0.5, 3, 1 / 3))


def mirex(key, mode, ref_key, ref_mode):
    """MIREX key score: same 1, fifth 0.5, relative 0.3, parallel 0.2, else 0."""
    if key < 0 or ref_key < 0:
        return 0.0
    if key == ref_key and mode == ref_mode:
        return 1.0
    if mode == ref_mode and (key - ref_key) % 12 in (5, 7):
        return 0.5
    if mode != ref_mode:
        relative = (ref_key + 9) % 12 if ref_mode == 1 else (ref_key + 3) % 12
        if key == relative:
            return 0.3
        if key == ref_key:
            return 0.2
    return 0.0


def share(flags):
    flags = list(flags)
    return f"{sum(flags) / len(flags):.2f} ({sum(flags)}/{len(flags)})" if flags else "n/a"


def name_key(k, m):
    return "none" if k < 0 else KEYS[k] + ("" if m == 1 else "m")


print("\n## Rendered pieces of known tempo and key (fluidsynth, FluidR3 GM)")
rendered = [f for f in truth if f in ours and "error" not in ours[f]]
print("| analyser | tempo Acc1 | tempo Acc2 | MIREX key score |")
print("| --- | --- | --- | --- |")
print(f"| Audotics | {share(acc1(ours[f]['tempo'], truth[f][0]) for f in rendered)} | "
      f"{share(acc2(ours[f]['tempo'], truth[f][0]) for f in rendered)} | "
      f"{statistics.mean(mirex(ours[f]['key'], ours[f]['mode'], truth[f][1], truth[f][2]) for f in rendered):.3f} |")
print(f"| essentia.js | {share(acc1(ess[f]['tempo'], truth[f][0]) for f in rendered if f in ess)} | "
      f"{share(acc2(ess[f]['tempo'], truth[f][0]) for f in rendered if f in ess)} | "
      f"{statistics.mean(mirex(ess[f]['key'], ess[f]['mode'], truth[f][1], truth[f][2]) for f in rendered if f in ess):.3f} |")
print(f"| bpm-tools | {share(acc1(bpm.get(f, 0), truth[f][0]) for f in rendered)} | "
      f"{share(acc2(bpm.get(f, 0), truth[f][0]) for f in rendered)} | - |")

print("\n| piece | truth | Audotics | essentia.js | bpm-tools |")
print("| --- | --- | --- | --- | --- |")
for f in rendered:
    t = truth[f]
    e = ess.get(f, {})
    print(f"| {os.path.basename(f)} | {t[0]:.0f} {name_key(t[1], t[2])} | {ours[f]['tempo']:.1f} {name_key(ours[f]['key'], ours[f]['mode'])} | "
          f"{e.get('tempo', 0):.1f} {name_key(e.get('key', -1), e.get('mode', 1))} | {bpm.get(f, 0):.1f} |")

recorded = [f for f in real if f in ours and "error" not in ours[f] and f in ess]
if recorded:
    print("\n## Real recordings (Debian game music): agreement, no ground truth")
    print("| pair | tempo Acc1 | tempo Acc2 | MIREX key score |")
    print("| --- | --- | --- | --- |")
    print(f"| Audotics vs essentia.js | {share(acc1(ours[f]['tempo'], ess[f]['tempo']) for f in recorded)} | "
          f"{share(acc2(ours[f]['tempo'], ess[f]['tempo']) for f in recorded)} | "
          f"{statistics.mean(mirex(ours[f]['key'], ours[f]['mode'], ess[f]['key'], ess[f]['mode']) for f in recorded):.3f} |")
    print(f"| Audotics vs bpm-tools | {share(acc1(ours[f]['tempo'], bpm.get(f, 0)) for f in recorded)} | "
          f"{share(acc2(ours[f]['tempo'], bpm.get(f, 0)) for f in recorded)} | - |")
    print(f"| essentia.js vs bpm-tools | {share(acc1(ess[f]['tempo'], bpm.get(f, 0)) for f in recorded)} | "
          f"{share(acc2(ess[f]['tempo'], bpm.get(f, 0)) for f in recorded)} | - |")
    diffs = [abs(ours[f]["loudness"] - ess[f]["loudness"]) for f in recorded]
    print(f"\nLoudness, Audotics vs essentia.js LoudnessEBUR128: mean |difference| {statistics.mean(diffs):.2f} LU, max {max(diffs):.2f} LU")
    print("\n| recording | s | Audotics tempo, key, LUFS | essentia.js tempo, key, LUFS | bpm-tools |")
    print("| --- | --- | --- | --- | --- |")
    for f in recorded:
        o, e = ours[f], ess[f]
        flag = "" if acc2(o["tempo"], e["tempo"]) else " ⚠"
        print(f"| {os.path.basename(f)} | {o['duration']:.0f} | {o['tempo']:.1f} {name_key(o['key'], o['mode'])} {o['loudness']:.1f}{flag} | "
              f"{e['tempo']:.1f} {name_key(e['key'], e['mode'])} {e['loudness']:.1f} | {bpm.get(f, 0):.1f} |")

done = [f for f in ours if "error" not in ours[f] and f in ess]
audio = sum(ours[f]["duration"] for f in done)
our_cpu = sum(ours[f]["cpu_seconds"] for f in done)
ess_cpu = sum(ess[f]["cpu_seconds"] + (ess[f].get("decode_cpu_seconds") or 0) for f in done)
missing_decode = sum(1 for f in done if not ess[f].get("decode_cpu_seconds"))
print(f"\n## Speed, one core, decoding included ({len(done)} files, {audio / 60:.1f} min of audio)")
print(f"Audotics (full feature set + analysis): {audio / our_cpu:.0f}x real time ({our_cpu:.1f} s CPU)")
print(f"essentia.js (sox decoding + rhythm, key, loudness): {audio / ess_cpu:.0f}x real time ({ess_cpu:.1f} s CPU)")
print(f"Audotics / essentia.js: {ess_cpu / our_cpu:.1f}x"
      + (f" (sox's decoding time unknown for {missing_decode} files: counted as 0, in essentia.js's favour)" if missing_decode else ""))
heaps = [ours[f]["peak_heap_mb"] for f in done]
longest = max(done, key=lambda f: ours[f]["duration"])
print(f"Peak heap per file (-Xmx512m): median {statistics.median(heaps):.0f} MB, max {max(heaps):.0f} MB; "
      f"longest file {ours[longest]['duration']:.0f} s: {ours[longest]['peak_heap_mb']:.0f} MB")
pool = json.load(open(os.path.join(work, "pool.json"))) if os.path.exists(os.path.join(work, "pool.json")) else None
if pool:
    print(f"Worker pool of {pool['threads']} threads on this 2-core machine: {pool['realtime_factor']:.0f}x real time "
          f"({pool['audio_seconds'] / 60:.1f} min of audio in {pool['wall_seconds']:.1f} s wall clock)")
hour_file = os.path.join(work, "hour.jsonl")
if os.path.exists(hour_file):
    hour = next(iter(jsonl("hour.jsonl").values()))
    if "error" in hour:
        print(f"One hour of audio with -Xmx256m: failed: {hour['error']}")
    else:
        print(f"One hour of audio (44.1 kHz stereo FLAC) with -Xmx256m: analysed in {hour['cpu_seconds']:.0f} s CPU "
              f"({hour['duration'] / hour['cpu_seconds']:.0f}x real time), peak heap {hour['peak_heap_mb']:.0f} MB")
errors = [f for f in ours if "error" in ours[f]]
if errors:
    print(f"\nNot analysed by Audotics: {', '.join(os.path.basename(f) + ' (' + ours[f]['error'] + ')' for f in errors)}")
