#!/usr/bin/env bash
# Search index build time and query latency (prefix, fuzzy, filtered), outside OSGi, with the search bundle's
# own classes (SearchIndexBenchmark). Needs the bundles built (mvn -B -o verify -pl bundles/search -am -DskipTests).
# It compiles the one benchmark class against the bundle jars (the search jar embeds Lucene and its merged SPI
# files), so it does not depend on the rest of the benchmarks module.
#   benchmarks/search-index.sh [tracks=100000] [heap=2g]
set -euo pipefail
cd "$(dirname "$0")/.."
tracks="${1:-100000}"
heap="${2:-2g}"
v=1.0.0-SNAPSHOT
m2="${HOME}/.m2/repository"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# copies: a build during a long run must not rewrite the jars under the running JVM
cp bundles/search/target/audotics-search-$v.jar bundles/search-api/target/audotics-search-api-$v.jar \
  bundles/catalog-api/target/audotics-catalog-api-$v.jar "$out/"
cp="$out/audotics-search-$v.jar:$out/audotics-search-api-$v.jar:$out/audotics-catalog-api-$v.jar"
compile_cp="$cp:$(ls "$m2"/org/osgi/org.osgi.annotation.versioning/*/*.jar | head -1):$(ls "$m2"/org/osgi/org.osgi.annotation.bundle/*/*.jar | head -1)"
javac -nowarn -d "$out/classes" -cp "$compile_cp" benchmarks/src/main/java/org/audotics/search/internal/index/SearchIndexBenchmark.java
java -Xmx"$heap" -cp "$out/classes:$cp" org.audotics.search.internal.index.SearchIndexBenchmark "$tracks"
