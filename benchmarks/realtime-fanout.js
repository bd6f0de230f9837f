// Fan-out of the realtime channel: N members in M sessions over Socket.IO (WebSocket transport) on one server.
// Every action (a vote, acknowledged) is timed from its emit to its vote_cast arriving at every member of the
// session (one process, one clock). Prints p50/p90/p99 of that latency over all (action, member) pairs, and the
// slowest member per action. BASE_URL may list two nodes of one cluster, comma-separated: members then alternate
// between them (the voter on the first) and the latency is also reported per node — the second is cross-node.
// Usage: node realtime-fanout.js BASE_URL[,SECOND_URL] MEMBERS SESSIONS ACTIONS_PER_SESSION ADMIN_TOKEN
const { io } = require("socket.io-client");
const [bases, membersArg, sessionsArg, actionsArg, adminToken] = process.argv.slice(2);
const nodes = bases.split(",");
const base = nodes[0];
const MEMBERS = +membersArg, SESSIONS = +sessionsArg, ACTIONS = +actionsArg;
const PASSWORD = "fan-out benchmark 42";

async function json(path, options = {}) {
  const response = await fetch(base + path, options);
  const text = await response.text();
  if (!response.ok) throw new Error(path + " " + response.status + " " + text);
  return text ? JSON.parse(text) : null;
}
const post = (path, token, body) => json(path, { method: "POST", headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });

async function user(i) {
  const email = `fan-${Date.now()}-${i}@bench.example.org`;
  await json("/v1/auth/register", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD, display_name: "fan " + i }) });
  const granted = await json("/v1/auth/token", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "password", username: email, password: PASSWORD }) });
  return granted.access_token;
}

function percentile(sorted, p) { return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]; }

(async () => {
  const imported = await json("/v1/catalog/import", { method: "POST", headers: { Authorization: "Bearer " + adminToken, "Content-Type": "application/x-ndjson" },
    body: JSON.stringify({ external_id: "fan-" + Date.now(), name: "Fan-out", artists: [{ external_id: "fan-artist", name: "Bench" }],
      album: { external_id: "fan-album", name: "Fan album", release_date: "2019-03-01" }, genres: ["bench"], popularity: 50, duration_ms: 200000,
      explicit: false, track_number: 1, disc_number: 1 }) });
  const track = imported.tracks[0].id;
  const tokens = [];
  for (let i = 0; i < MEMBERS; i += 20) {
    tokens.push(...await Promise.all(Array.from({ length: Math.min(20, MEMBERS - i) }, (_, k) => user(i + k))));
  }
  const sessions = [];
  for (let s = 0; s < SESSIONS; s++) {
    const members = tokens.filter((_, i) => i % SESSIONS === s);
    const created = await post("/v1/sessions", members[0], { name: "fan " + s, visibility: "public", max_members: 1000 });
    for (const m of members.slice(1)) await post(`/v1/sessions/${created.id}/join`, m);
    const queue = await post(`/v1/sessions/${created.id}/queue`, members[0], { uris: ["audotics:track:" + track] });
    sessions.push({ id: created.id, item: queue.items[0].id, members });
  }
  console.log(`${MEMBERS} members in ${SESSIONS} sessions registered and joined`);
  const latencies = [], slowest = [], perNode = nodes.map(() => []);
  const sockets = [];
  const connectStart = Date.now();
  for (const session of sessions) {
    for (const [index, token] of session.members.entries()) {
      const node = index % nodes.length;
      const socket = io(nodes[node] + "/sessions", { auth: { token }, transports: ["websocket"], reconnection: false });
      await new Promise((resolve, reject) => { socket.once("connect", resolve); socket.once("connect_error", reject); });
      await new Promise((resolve, reject) => socket.emit("join", { session_id: session.id },
        (ack) => ack && ack.ok ? resolve() : reject(new Error(`member ${index} on node ${node + 1}: join refused ${JSON.stringify(ack)}`))));
      socket.on("disconnect", (reason) => reason !== "io client disconnect" && console.log(`member ${index} of session ${session.id} on node ${node + 1} disconnected: ${reason}`));
      socket.on("vote_cast", (event) => {
        // one action at a time per session: the vote_cast that comes is the one in flight
        const w = session.waiter;
        if (!w || (w.sequence !== undefined && w.sequence !== event.sequence)) return;
        w.sequence = event.sequence;
        const ms = Number(process.hrtime.bigint() - w.sent) / 1e6;
        latencies.push(ms); perNode[node].push(ms); w.max = Math.max(w.max ?? 0, ms);
        w.heard.add(index);
        if (--w.waiting === 0) { slowest.push(w.max); session.waiter = null; clearTimeout(w.timer); w.done(); }
      });
      sockets.push({ socket, session });
    }
  }
  console.log(`connected and joined ${sockets.length} sockets in ${Date.now() - connectStart} ms`);
  if (process.env.HOLD_MS) { console.log("HOLD"); await new Promise((r) => setTimeout(r, +process.env.HOLD_MS)); }
  for (let a = 0; a < ACTIONS; a++) {
    await Promise.all(sessions.map(async (session) => {
      const voter = sockets.find((s) => s.session === session).socket;
      await new Promise((done) => {
        session.waiter = { sent: process.hrtime.bigint(), waiting: session.members.length, done, heard: new Set() };
        // a delivery that never comes is a finding, not a hang: say who missed it and stop
        session.waiter.timer = setTimeout(() => {
          const missing = session.members.map((_, i) => i).filter((i) => !session.waiter.heard.has(i));
          console.log(`action ${a} of session ${session.id}: no vote_cast after 60 s at members ${missing.join(", ")} (nodes ${missing.map((i) => i % nodes.length + 1).join(", ")}); sequence seen ${session.waiter.sequence}`);
          process.exit(2);
        }, 60000);
        voter.emit("vote", { session_id: session.id, item_id: session.item, value: a % 2 === 0 ? 1 : -1 }, (ack) => {
          if (!ack.ok) { console.error("refused", JSON.stringify(ack)); process.exit(1); }
        });
      });
    }));
  }
  latencies.sort((x, y) => x - y); slowest.sort((x, y) => x - y);
  if (nodes.length > 1) {
    perNode.forEach((list, node) => {
      list.sort((x, y) => x - y);
      console.log(`members on node ${node + 1}${node === 0 ? " (the voter's)" : " (cross-node)"}: ${list.length} deliveries, p50 ${percentile(list, 0.5).toFixed(1)} ms, p99 ${percentile(list, 0.99).toFixed(1)} ms`);
    });
  }
  console.log(`deliveries ${latencies.length}: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p90 ${percentile(latencies, 0.9).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`);
  console.log(`action to its last member (${slowest.length} actions): p50 ${percentile(slowest, 0.5).toFixed(1)} ms, p99 ${percentile(slowest, 0.99).toFixed(1)} ms`);
  sockets.forEach((s) => s.socket.disconnect());
  if (process.env.HOLD_MS) {
    // the script reads the heap again with every connection closed: the connections' share is the difference
    console.log("RELEASED"); await new Promise((r) => setTimeout(r, +process.env.HOLD_MS));
  }
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
