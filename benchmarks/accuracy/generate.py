#!/usr/bin/env python3
"""Rendered music of known tempo, meter, key, mode and beat times, for as many pieces as asked.

Each piece is generated from its seed alone (random.Random(seed)): a meter (4/4, 3/4, 6/8, 5/4), a tempo
(log-uniform 50-210 BPM; 50-120 for the dotted-quarter beat of 6/8), straight or swung eighths, a tonic
and a scale (major, natural minor, harmonic minor, dorian, mixolydian, phrygian, lydian), a harmonic
rhythm (a chord every half bar, bar or two bars) over phrases that start on the tonic, and an ensemble:
band with drums, band without drums, pads and melody, solo piano, or electronic with drums. MIDI is
written here (standard library), rendered by fluidsynth with the FluidR3 General MIDI soundfont at
22.05 kHz, and the truth written beside it as JSON: tempo, beats per bar, key (0 = C), mode (1 major,
0 minor: dorian and phrygian count as minor, mixolydian and lydian as major), beat and downbeat times.

The development part uses seeds 1..N, the held-out part seeds 1000001..1000000+N: never tune on the
second. Already rendered pieces are kept (the folder is a cache).

Usage: generate.py FOLDER dev|held-out COUNT [parallel jobs=2]
"""
import json
import math
import os
import random
import struct
import subprocess
import sys
from multiprocessing import Pool

SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
SECONDS = 30.0
TPQ = 480
SEED_BASE = {"dev": 1, "held-out": 1_000_001}

SCALES = {
    "major": ([0, 2, 4, 5, 7, 9, 11], 1),
    "natural minor": ([0, 2, 3, 5, 7, 8, 10], 0),
    "harmonic minor": ([0, 2, 3, 5, 7, 8, 11], 0),
    "dorian": ([0, 2, 3, 5, 7, 9, 10], 0),
    "phrygian": ([0, 1, 3, 5, 7, 8, 10], 0),
    "mixolydian": ([0, 2, 4, 5, 7, 9, 10], 1),
    "lydian": ([0, 2, 4, 6, 7, 9, 11], 1),
}
SCALE_WEIGHTS = {"major": 30, "natural minor": 20, "harmonic minor": 20, "dorian": 10, "phrygian": 4, "mixolydian": 10, "lydian": 6}
METERS = {"4/4": (4, 2, 40), "3/4": (3, 2, 20), "6/8": (2, 3, 20), "5/4": (5, 2, 20)}  # beats per bar, subdivisions, weight
ENSEMBLES = {"band": 30, "band without drums": 20, "pads and melody": 15, "solo piano": 20, "electronic": 15}
PADS = [48, 49, 50, 52, 88, 89, 90, 91, 94, 95]
BASSES = [32, 33, 34, 35, 36, 43]
SYNTH_BASSES = [38, 39, 87]
LEADS = [0, 4, 11, 24, 25, 40, 56, 65, 68, 71, 73]
SYNTH_LEADS = [80, 81, 82, 84, 85, 87]
COMPS = [0, 4, 5, 16, 19, 24, 25, 27]
KITS = [0, 8, 16, 32, 40]
SYNTH_KITS = [24, 25]
KICK, SNARE, HAT, OPEN_HAT, CRASH, RIM = 36, 38, 42, 46, 49, 37


def weighted(rng, table):
    names = list(table)
    return rng.choices(names, [table[n] if not isinstance(table[n], tuple) else table[n][-1] for n in names])[0]


class Piece:
    def __init__(self, seed):
        rng = self.rng = random.Random(seed)
        self.seed = seed
        self.meter = weighted(rng, METERS)
        self.per_bar, self.sub, _ = METERS[self.meter]
        low, high = (50, 120) if self.meter == "6/8" else (50, 210)
        self.bpm = round(math.exp(rng.uniform(math.log(low), math.log(high))), 1)
        self.swing = 0.5
        if self.sub == 2 and self.bpm < 170 and rng.random() < 0.3:
            self.swing = rng.uniform(0.58, 0.67)
        self.scale_name = weighted(rng, SCALE_WEIGHTS)
        self.scale, self.mode = SCALES[self.scale_name]
        self.tonic = rng.randrange(12)
        self.ensemble = weighted(rng, ENSEMBLES)
        self.drums = self.ensemble in ("band", "electronic")
        choices = [self.per_bar, 2 * self.per_bar] + ([self.per_bar // 2] if self.per_bar % 2 == 0 and self.per_bar > 2 else [])
        self.chord_beats = rng.choice(choices)
        self.beat_ticks = TPQ * 3 // 2 if self.meter == "6/8" else TPQ
        self.lead_in = rng.uniform(0.2, 1.5)
        self.events = []  # (tick, order, bytes)

    # --- time -------------------------------------------------------------------------------------
    def seconds_per_tick(self):
        return 60.0 / self.bpm / self.beat_ticks

    def tick(self, beat, sub=0):
        """Tick of subdivision `sub` of beat number `beat` (counted from the first bar), swing applied."""
        fraction = sub / self.sub
        if self.sub == 2 and sub % 2 == 1:
            fraction = self.swing
        return self.start + round((beat + fraction) * self.beat_ticks)

    # --- events -----------------------------------------------------------------------------------
    def note(self, channel, pitch, velocity, start, length):
        jitter = self.rng.randint(-6, 6) if channel != 9 else self.rng.randint(-3, 3)
        start = max(0, start + jitter)
        velocity = max(1, min(127, velocity + self.rng.randint(-8, 8)))
        self.events.append((start, 1, bytes([0x90 | channel, pitch, velocity])))
        self.events.append((start + max(1, length), 0, bytes([0x80 | channel, pitch, 0])))

    def program(self, channel, number):
        self.events.append((0, -1, bytes([0xC0 | channel, number])))

    def degree_pitch(self, degree, octave):
        """MIDI pitch of scale degree (any integer) in octave (4 = the octave of middle C)."""
        steps, index = divmod(degree, 7)
        return 12 * (octave + 1 + steps) + self.tonic + self.scale[index]

    def triad(self, degree):
        return [degree, degree + 2, degree + 4]

    # --- music ------------------------------------------------------------------------------------
    def progression(self, chords):
        """Phrases of four chords that open on the tonic and close on a cadence chord; the middle leans on
        the subdominant side, as common-practice and pop progressions do (I-IV-V-I, I-vi-IV-V, i-VI-III-VII)."""
        rng = self.rng
        if self.mode == 1:
            middle = [{3: 30, 5: 20, 1: 15, 4: 10, 2: 5, 0: 10}, {3: 20, 4: 20, 1: 15, 5: 15, 0: 10}]
            cadence = {4: 60, 3: 25, 0: 15}
        else:
            middle = [{3: 25, 5: 25, 2: 15, 6: 10, 0: 10}, {3: 20, 4: 15, 5: 20, 6: 15, 2: 10}]
            cadence = {4: 55, 6: 20, 3: 25}
        out = []
        for i in range(chords):
            position = i % 4
            out.append(0 if position == 0 else weighted(rng, cadence) if position == 3 else weighted(rng, middle[position - 1]))
        return out

    def build(self):
        rng = self.rng
        self.start = round(self.lead_in / (60.0 / self.bpm / self.beat_ticks))
        total_beats = int(math.ceil((SECONDS - self.lead_in) * self.bpm / 60.0))
        bars = int(math.ceil(total_beats / self.per_bar))
        beats = bars * self.per_bar
        chords = self.progression(int(math.ceil(beats / self.chord_beats)))
        electronic = self.ensemble == "electronic"
        ch_lead, ch_pad, ch_bass, ch_comp = 0, 1, 2, 3
        lead = rng.choice(SYNTH_LEADS if electronic else LEADS)
        self.program(ch_lead, 0 if self.ensemble == "solo piano" else lead)
        self.program(ch_pad, rng.choice(PADS))
        self.program(ch_bass, rng.choice(SYNTH_BASSES if electronic else BASSES))
        self.program(ch_comp, rng.choice(COMPS))
        if self.drums:
            self.program(9, rng.choice(SYNTH_KITS if electronic else KITS))
        comp_style = rng.choice(["block", "arpeggio", "offbeat"])
        for c, degree in enumerate(chords):
            first = c * self.chord_beats
            length_beats = min(self.chord_beats, beats - first)
            if length_beats <= 0:
                break
            tones = self.triad(degree)
            if self.ensemble == "solo piano":
                self.piano_left(tones, first, length_beats, comp_style)
            else:
                if self.ensemble != "band without drums" or rng.random() < 0.7:
                    for d in tones:
                        self.note(ch_pad, self.degree_pitch(d, 4), 55, self.tick(first), length_beats * self.beat_ticks - 10)
                if self.ensemble != "pads and melody":
                    self.bass(ch_bass, degree, first, length_beats, electronic)
                if self.ensemble in ("band", "band without drums") and comp_style != "block":
                    self.comp(ch_comp, tones, first, length_beats, comp_style)
        self.melody(ch_lead, chords, beats)
        if self.drums:
            self.drum_part(bars)

    def bass(self, channel, degree, first, length, electronic):
        rng = self.rng
        for b in range(first, first + length):
            on_bar = b % self.per_bar == 0
            if b == first or on_bar or rng.random() < 0.5:
                d = degree if (b == first or rng.random() < 0.7) else degree + 4
                self.note(channel, self.degree_pitch(d, 2), 90 if on_bar else 75, self.tick(b), self.beat_ticks * 9 // 10)
            if electronic and self.sub == 2:
                self.note(channel, self.degree_pitch(degree, 2), 65, self.tick(b, 1), self.beat_ticks * 4 // 10)

    def comp(self, channel, tones, first, length, style):
        for b in range(first, first + length):
            if style == "offbeat":
                for d in tones:
                    self.note(channel, self.degree_pitch(d, 4), 60, self.tick(b, self.sub - 1), self.beat_ticks // self.sub)
            else:
                for s in range(self.sub):
                    d = tones[(b * self.sub + s) % 3]
                    self.note(channel, self.degree_pitch(d, 4), 58, self.tick(b, s), self.beat_ticks // self.sub)

    def piano_left(self, tones, first, length, style):
        for b in range(first, first + length):
            accent = 85 if b % self.per_bar == 0 else 68
            self.note(0, self.degree_pitch(tones[0], 2 if b == first else 3), accent, self.tick(b), self.beat_ticks * 9 // 10)
            if style == "block":
                if b % self.per_bar != 0:
                    for d in tones:
                        self.note(0, self.degree_pitch(d, 3), 60, self.tick(b), self.beat_ticks * 8 // 10)
            else:
                for s in range(1, self.sub) if self.sub > 1 else []:
                    self.note(0, self.degree_pitch(tones[(b + s) % 3], 3), 55, self.tick(b, s), self.beat_ticks // self.sub)

    def melody(self, channel, chords, beats):
        rng = self.rng
        degree = rng.choice([0, 2, 4]) + 7
        b = 0
        velocity = 80 if self.ensemble != "solo piano" else 78
        while b < beats:
            chord = chords[min(len(chords) - 1, b // self.chord_beats)]
            length = rng.choice([1, 1, 2, 2, 3, 4]) if rng.random() < 0.6 else 1
            if rng.random() < 0.15:
                b += length
                continue
            target = [chord + 7 + t for t in (0, 2, 4, 7)]
            if rng.random() < 0.7:
                degree = min(target, key=lambda t: abs(t - degree) + rng.random())
            else:
                degree += rng.choice([-2, -1, 1, 2])
            degree = max(4, min(15, degree))
            if length == 1 and rng.random() < 0.4:
                for s in range(self.sub):
                    self.note(channel, self.degree_pitch(degree + (s if s < 2 else -1), 4), velocity - 10 * (s > 0), self.tick(b, s),
                              self.beat_ticks // self.sub)
            else:
                self.note(channel, self.degree_pitch(degree, 4), velocity, self.tick(b), length * self.beat_ticks - 20)
            b += length

    def drum_part(self, bars):
        rng = self.rng
        kick = {"4/4": [0, 2], "3/4": [0], "6/8": [0], "5/4": [0, 3]}[self.meter]
        snare = {"4/4": [1, 3], "3/4": [1, 2], "6/8": [1], "5/4": [2, 4]}[self.meter]
        extra_kick = rng.random() < 0.5
        open_hat = rng.random() < 0.3
        for bar in range(bars):
            for beat in range(self.per_bar):
                b = bar * self.per_bar + beat
                if beat in kick:
                    self.note(9, KICK, 105 if beat == 0 else 92, self.tick(b), 60)
                if beat in snare:
                    self.note(9, SNARE, 95, self.tick(b), 60)
                if extra_kick and self.sub == 2 and beat == self.per_bar - 1 and bar % 2 == 1:
                    self.note(9, KICK, 80, self.tick(b, 1), 60)
                for s in range(self.sub):
                    hat = OPEN_HAT if open_hat and s == self.sub - 1 and beat % 2 == 1 else HAT
                    self.note(9, hat, 70 if s == 0 else 52, self.tick(b, s), 40)
            if bar % 8 == 0:
                self.note(9, CRASH, 90, self.tick(bar * self.per_bar), 200)

    # --- output -----------------------------------------------------------------------------------
    def midi(self):
        quarter_bpm = self.bpm * self.beat_ticks / TPQ
        tempo = round(60_000_000 / quarter_bpm)
        numerator, denominator = {"4/4": (4, 2), "3/4": (3, 2), "6/8": (6, 3), "5/4": (5, 2)}[self.meter]
        track = bytearray()
        track += b"\x00\xff\x51\x03" + tempo.to_bytes(3, "big")
        track += b"\x00\xff\x58\x04" + bytes([numerator, denominator, 24, 8])
        now = 0
        for tick, _, data in sorted(self.events, key=lambda e: (e[0], e[1])):
            track += varlen(tick - now)
            now = tick
            track += data
        track += varlen(TPQ) + b"\xff\x2f\x00"  # end of track after the last note-off
        return b"MThd" + struct.pack(">IHHH", 6, 0, 1, TPQ) + b"MTrk" + struct.pack(">I", len(track)) + bytes(track)

    def truth(self):
        period = 60.0 / self.bpm
        beats = [round(self.lead_in + k * period, 4) for k in range(int((SECONDS - self.lead_in) / period) + 1)
                 if self.lead_in + k * period < SECONDS]
        return {"seed": self.seed, "tempo": self.bpm, "meter": self.meter, "beats_per_bar": self.per_bar, "key": self.tonic,
                "mode": self.mode, "scale": self.scale_name, "ensemble": self.ensemble, "drums": self.drums,
                "swing": round(self.swing, 3), "chord_beats": self.chord_beats, "beats": beats, "downbeats": beats[::self.per_bar]}


def varlen(value):
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def render(job):
    folder, seed = job
    wav = os.path.join(folder, f"piece-{seed}.wav")
    meta = os.path.join(folder, f"piece-{seed}.json")
    if os.path.exists(wav) and os.path.exists(meta):
        return wav
    piece = Piece(seed)
    piece.build()
    mid = os.path.join(folder, f"piece-{seed}.mid")
    with open(mid, "wb") as f:
        f.write(piece.midi())
    gain = 0.35 + 0.5 * piece.rng.random()
    subprocess.run(["timeout", "300", "fluidsynth", "-ni", "-q", "-g", f"{gain:.2f}", "-r", "22050", "-F", wav + ".part", SOUNDFONT, mid],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.replace(wav + ".part", wav)
    os.remove(mid)
    with open(meta, "w") as f:
        json.dump(piece.truth(), f)
    return wav


def main():
    folder, part, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    os.makedirs(folder, exist_ok=True)
    base = SEED_BASE[part]
    with Pool(jobs) as pool:
        for wav in pool.imap(render, [(folder, base + i) for i in range(count)]):
            print(os.path.abspath(wav))


if __name__ == "__main__":
    main()
