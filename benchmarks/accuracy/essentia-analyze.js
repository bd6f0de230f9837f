// Reference analysis with essentia.js for benchmarks/accuracy/run.sh: for each WAV file named on the
// command line (44.1 kHz, decoded by sox beforehand), prints one JSON line with essentia's tempo
// (RhythmExtractor2013, multifeature), key (KeyExtractor, its default profile), integrated loudness
// (LoudnessEBUR128), danceability (Danceability: detrended fluctuation analysis, 0 to about 3) and the CPU
// seconds they took, reading the file included. With --danceability-only first (benchmarks/accuracy/scale.sh),
// only the danceability.
"use strict";
const fs = require("fs");
const wav = require("node-wav");
const { Essentia, EssentiaWASM } = require("essentia.js");

const essentia = new Essentia(EssentiaWASM);
const KEYS = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
const FLAT = { Db: "C#", Eb: "D#", Gb: "F#", Ab: "G#", Bb: "A#" };

const args = process.argv.slice(2);
const danceabilityOnly = args[0] === "--danceability-only";

for (const file of danceabilityOnly ? args.slice(1) : args) {
  const started = process.cpuUsage();
  const decoded = wav.decode(fs.readFileSync(file));
  const left = decoded.channelData[0];
  const right = decoded.channelData.length > 1 ? decoded.channelData[1] : left;
  const mono = new Float32Array(left.length);
  for (let i = 0; i < left.length; i++) mono[i] = (left[i] + right[i]) / 2;
  const signal = essentia.arrayToVector(mono);
  const danceability = essentia.Danceability(signal, 8800, 310, decoded.sampleRate).danceability;
  if (danceabilityOnly) {
    const used = process.cpuUsage(started);
    console.log(JSON.stringify({ file: process.env.ORIGINAL_FILE || file, cpu_seconds: (used.user + used.system) / 1e6, danceability }));
    signal.delete();
    continue;
  }
  const rhythm = essentia.RhythmExtractor2013(signal, 208, "multifeature", 40);
  const key = essentia.KeyExtractor(signal);
  const loudness = essentia.LoudnessEBUR128(essentia.arrayToVector(left), essentia.arrayToVector(right), 0.1, decoded.sampleRate, false);
  const used = process.cpuUsage(started);
  const name = FLAT[key.key] || key.key;
  console.log(JSON.stringify({
    // run.sh names the original file and the CPU seconds sox took to decode it
    file: process.env.ORIGINAL_FILE || file,
    decode_cpu_seconds: Number(process.env.DECODE_CPU_SECONDS || 0),
    cpu_seconds: (used.user + used.system) / 1e6,
    tempo: rhythm.bpm,
    key: KEYS.indexOf(name),
    mode: key.scale === "major" ? 1 : 0,
    loudness: loudness.integratedLoudness,
    danceability,
  }));
  signal.delete();
}
