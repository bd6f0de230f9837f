"""Client side of playlist-edits.sh: N threads editing one playlist with snapshot_ids; prints the figures.

usage: playlist-edits.py host:port ids-file seconds clients
"""
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

host, ids_file, seconds, clients = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
base = f"http://{host}/v1"
tracks = [line.strip() for line in open(ids_file) if line.strip()]


def call(method, path, body=None, token=None, form=None):
    data, headers = None, {}
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    if form is not None:
        data, headers["Content-Type"] = form.encode(), "application/x-www-form-urlencoded"
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            text = answer.read()
            return answer.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


email = f"bench-{uuid.uuid4().hex[:8]}@bench.example.org"
status, user = call("POST", "/auth/register", {"email": email, "password": "benchmarks edit fast 1", "display_name": "bench"})
assert status == 201, (status, user)
status, grant = call("POST", "/auth/token", form=f"grant_type=password&username={email}&password=benchmarks+edit+fast+1")
assert status == 200, (status, grant)
token = grant["access_token"]
status, playlist = call("POST", f"/users/{user['id']}/playlists", {"name": "bench"}, token)
assert status == 201, (status, playlist)
pid = playlist["id"]
for _ in range(2):
    status, _ = call("POST", f"/playlists/{pid}/tracks", {"uris": [f"audotics:track:{random.choice(tracks)}" for _ in range(100)]}, token)
    assert status == 201, status

counts = {"accepted": 0, "stale": 0, "other": 0, "reads": 0}
lock = threading.Lock()
deadline = time.monotonic() + seconds


def client(seed):
    rnd = random.Random(seed)
    while time.monotonic() < deadline:
        # the snapshot first: tracks read after it are at least as new, so a change in between answers 409, never a wrong position
        status2, head = call("GET", f"/playlists/{pid}", token=token)
        status, current = call("GET", f"/playlists/{pid}/tracks?limit=100", token=token)
        snapshot, size = head["snapshot_id"], head["tracks"]["total"]
        kind = rnd.randrange(3)
        if kind == 0 and size > 1:
            start = rnd.randrange(size)
            status, _ = call("PUT", f"/playlists/{pid}/tracks", {"range_start": start, "insert_before": rnd.randrange(size + 1), "snapshot_id": snapshot}, token)
        elif kind == 1 or size < 150:
            status, _ = call("POST", f"/playlists/{pid}/tracks", {"uris": [f"audotics:track:{rnd.choice(tracks)}"], "position": rnd.randrange(size + 1),
                                                                  "snapshot_id": snapshot}, token)
        else:
            position = rnd.randrange(min(size, len(current["items"])))
            uri = current["items"][position]["track"]["uri"]
            status, _ = call("DELETE", f"/playlists/{pid}/tracks", {"tracks": [{"uri": uri, "positions": [position]}], "snapshot_id": snapshot}, token)
        with lock:
            counts["reads"] += 2
            counts["accepted" if status in (200, 201) else "stale" if status == 409 else "other"] += 1


started = time.monotonic()
threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - started
edits = counts["accepted"] + counts["stale"] + counts["other"]
print(f"{clients} clients, {elapsed:.1f} s, one playlist: {counts['accepted'] / elapsed:.1f} accepted edits/s, {edits / elapsed:.1f} edits sent/s, "
      f"409 share {100.0 * counts['stale'] / max(1, edits):.1f} % ({counts['stale']} of {edits}), other answers {counts['other']}, {counts['reads'] / elapsed:.1f} reads/s")
