#!/usr/bin/env python3
"""Converts ../shared/data/spotify-features/*.csv into Audotics import lines (JSON lines on stdout).

Real data is messy: keys as note names (C#), modes as Major/Minor, time signatures as 4/4 or 4-Apr,
numbers in exponent notation. Rows that still do not fit are reported on stderr and skipped. A track listed once per genre becomes one
line with all its genres (an import batch must not repeat an external id).
Usage: spotify-csv-to-jsonl.py tracks-by-genre.csv > tracks.jsonl
"""
import csv, json, sys

KEYS = {n: i for i, n in enumerate(["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"])}

def key_of(value):
    value = value.strip()
    if value.lstrip("-").isdigit():
        return int(value)
    return KEYS[value]

def mode_of(value):
    value = value.strip()
    return {"Major": 1, "Minor": 0}.get(value, None) if not value.isdigit() else int(value)

def time_signature_of(value):
    value = value.strip()
    if "/" in value:
        return int(value.split("/")[0])
    if "-" in value:               # spreadsheet damage: 4/4 became 4-Apr
        return int(value.split("-")[0])
    return int(float(value))

def main(path):
    written = skipped = 0
    lines = {}
    with open(path, newline="", encoding="utf-8") as f:
        for number, row in enumerate(csv.DictReader(f), start=2):
            try:
                track_id = row.get("track_id") or row.get("id")
                artists = row.get("artist_name") or row.get("artists")
                name = row.get("track_name") or row.get("name")
                if artists.startswith("["):
                    artists = artists.strip("[]").split("', '")[0].strip("'\"")
                line = {
                    "external_id": "spotify:" + track_id,
                    "name": name,
                    "artists": [{"name": artists}],
                    "genres": [row["genre"]] if row.get("genre") else [],
                    "popularity": int(float(row["popularity"])),
                    "duration_ms": int(float(row["duration_ms"])),
                    "audio_features": {
                        "acousticness": float(row["acousticness"]), "danceability": float(row["danceability"]),
                        "energy": float(row["energy"]), "instrumentalness": float(row["instrumentalness"]),
                        "key": key_of(row["key"]), "liveness": float(row["liveness"]),
                        "loudness": float(row["loudness"]), "mode": mode_of(row["mode"]),
                        "speechiness": float(row["speechiness"]), "tempo": float(row["tempo"]),
                        "time_signature": time_signature_of(row["time_signature"]) if row.get("time_signature") else 4,
                        "valence": float(row["valence"]),
                    },
                }
                if row.get("release_date"):
                    line["album"] = {"name": name + " (single)", "release_date": row["release_date"][:10]}
                known = lines.get(line["external_id"])
                if known:
                    known["genres"] += [g for g in line["genres"] if g not in known["genres"]]
                else:
                    lines[line["external_id"]] = line
            except (KeyError, ValueError, TypeError, AttributeError) as e:
                skipped += 1
                print(f"{path}:{number}: skipped ({type(e).__name__}: {e})", file=sys.stderr)
    for line in lines.values():
        print(json.dumps(line, ensure_ascii=False))
        written += 1
    print(f"{written} tracks written, {skipped} rows skipped", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1])
