#!/usr/bin/env bash
# Regenerates the shipped feature models (src/main/resources/models) from generated audio.
# Needs espeak-ng, fluidsynth and fluid-soundfont-gm (Debian). Usage, from the repository root:
#   bundles/dsp/training/train.sh [clips-per-kind=150] [seed=1]
# Prints the held-out accuracy; docs/dsp.md records the figures of the shipped models.
set -euo pipefail
cd "$(dirname "$0")/.."
per_kind="${1:-150}"
seed="${2:-1}"
mvn -q -B -o test-compile
# (written to a file: on a terminal Maven prefixes its standard output with a colour reset)
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/training-classpath.txt >/dev/null
classpath="$(cat target/training-classpath.txt)"
rm -rf target/training-corpus
java -cp "target/test-classes:target/classes:$classpath" org.audotics.dsp.internal.training.TrainFeatureModels \
  target/training-corpus "$per_kind" "$seed" src/main/resources/models
