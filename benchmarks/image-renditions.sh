#!/usr/bin/env bash
# Cover renditions: time of a first resize (decode subsampled, scale, encode) per original and served size, and
# of refusing a forged 100000 x 100000 header, outside OSGi, with the catalog bundle's own classes
# (ImageRenditionBenchmark). Later requests for a rendition are served from the node's disk cache and cost a
# file read. Needs the bundles built (mvn -B -o verify -pl bundles/catalog -am -DskipTests).
#   benchmarks/image-renditions.sh [runs=20] [heap=512m]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
heap="${2:-512m}"
v=1.0.0-SNAPSHOT
m2="${HOME}/.m2/repository"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# copies: a build during the run must not rewrite the jars under the running JVM
cp bundles/catalog/target/audotics-catalog-$v.jar bundles/catalog-api/target/audotics-catalog-api-$v.jar "$out/"
cp="$out/audotics-catalog-$v.jar:$out/audotics-catalog-api-$v.jar"
javac -nowarn -d "$out/classes" -cp "$cp" benchmarks/src/main/java/org/audotics/catalog/internal/images/ImageRenditionBenchmark.java
# the heap is mostly for making the 6000 px test picture (144 MB as a raster); the renditions decode subsampled
java -Djava.awt.headless=true -Xmx"$heap" -cp "$out/classes:$cp" org.audotics.catalog.internal.images.ImageRenditionBenchmark "$runs"
