#!/usr/bin/env bash
# Stored cover images over HTTP: a copy of the built distribution on its embedded defaults scans a generated
# album (a tagged WAV and a cover.jpg of COVER_PX pixels), then: the first request of each size (resize + disk
# cache write), and wrk on the cached 300 px rendition without a token, as an app's <img src> asks for it.
# Needs the distribution built (karaf-assembly/target/assembly: mvn -B -o verify -pl karaf-assembly -am -DskipTests)
# and wrk. Stops only the server it started (by process id).
#   benchmarks/image-serving.sh [seconds=30] [connections=32] [cover_px=1400] [port=8191]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
connections="${2:-32}"
cover_px="${3:-1400}"
port="${4:-8191}"
dist=karaf-assembly/target/assembly
jaudiotagger="$(ls "$HOME"/.m2/repository/net/jthink/jaudiotagger/3.0.1/jaudiotagger-3.0.1.jar)"
home=$(mktemp -d /tmp/audotics-images.XXXXXX)
cp -a "$dist/." "$home/"
rm -rf "$home/data"
sed -i "s/org.osgi.service.http.port = 8181/org.osgi.service.http.port = $port/" "$home/etc/org.ops4j.pax.web.cfg"
env -u AUDOTICS_DB_URL -u AUDOTICS_REDIS_URI "$home/bin/karaf" server > "$home/console.log" 2>&1 &
script_pid=$!
# every process below the one started here (bin/karaf is a script whose descendant is the Karaf JVM)
descendants() {
    local child
    for child in $(pgrep -P "$1" || true); do
        echo "$child"
        descendants "$child"
    done
}
stop() {
    local pids
    pids=$(descendants "$script_pid")
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    kill "$script_pid" 2>/dev/null || true
    for pid in $pids; do
        for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
    wait "$script_pid" 2>/dev/null || true
    rm -rf "$home"
}
trap stop EXIT
for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/v1/recommender" -H "Authorization: Bearer $(cat "$home/data/audotics/admin-token" 2>/dev/null)")" = 200 ] && break
    sleep 0.25
done
token=$(cat "$home/data/audotics/admin-token")
album="Bench Covers $RANDOM"
java -cp "$jaudiotagger" benchmarks/images/TaggedAlbum.java "$home/data/audotics/music/bench" "$album" "$cover_px" 2>/dev/null
scan=$(curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"folder\": \"$(cd "$home/data/audotics/music/bench" && pwd -P)\"}" "localhost:$port/v1/scans" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
until curl -sf -H "Authorization: Bearer $token" "localhost:$port/v1/scans/$scan" | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["finished"] else 1)'; do sleep 0.5; done
url=""
for _ in $(seq 1 60); do
    url=$(curl -sf -H "Authorization: Bearer $token" "localhost:$port/v1/search?type=album&q=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$album")" \
        | python3 -c 'import json,sys
items = json.load(sys.stdin)["albums"]["items"]
print(items[0]["images"][0]["url"] if items and items[0]["images"] else "")')
    [ -n "$url" ] && break
    sleep 0.5
done
[ -n "$url" ] || { echo "no cover listed; see $home/data/log/karaf.log" >&2; exit 1; }
base="${url%%\?*}"
echo "cover ${cover_px} px; image $base"
for size in 640 300 64; do
    curl -s -o /dev/null -w "first GET size=$size (resize): %{time_total} s, %{size_download} bytes, %{content_type}\n" "$base?size=$size"
done
for size in 640 300 64; do
    curl -s -o /dev/null -w "second GET size=$size (disk cache): %{time_total} s\n" "$base?size=$size"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) on $(nproc) cores"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base?size=300"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
