// Fan-out of the realtime channel: N members in M sessions over Socket.IO (WebSocket transport) on one server.
// Every action (a vote, acknowledged) is timed from its emit to its vote_cast arriving at every member of the
// session (one process, one clock). Prints p50/p90/p99 of that latency over all (action, member) pairs, and the
// slowest member per action. BASE_URL may list two nodes of one cluster, comma-separated: members then alternate
// between them (the voter on the first) and the latency is also reported per node — the second is cross-node.
// FLOODERS=N (one node only) adds N abusive clients, each an account of its own and a member of a measured session
// (flooder f of session f mod SESSIONS): the ACTIONS rounds run once without them, then once more while they flood,
// and both phases are reported (sessions with a flooder member apart). FLOOD_KINDS, cycled over the flooders:
//   vote      Socket.IO, valid votes on the session's item (each one a transaction and a fan-out) as fast as the
//             socket takes them, reconnecting as soon as it is cut off (a persistent attacker)
//   malformed plain WebSocket /v1/realtime, "{not json" as fast as possible, reconnecting
//   oversized plain WebSocket, one 70 000-byte message per connection, reconnecting
//   under     Socket.IO, valid votes at FLOOD_UNDER_RATE a second (default 19: just under the shipped 20), never
//             cut off — the worst client that stays legitimate
// FLOOD_RECONNECT=0: each flooder floods on one connection only and stays away once cut off (the cut-off alone,
// without the cost of reconnecting). Each phase also reports the CPU the server (JVM_PID) and this process used.
// For each flooder: connections, messages sent, processed (acknowledged), time from its first message to the
// rate_limited error and to the close.
// Usage: node realtime-fanout.js BASE_URL[,SECOND_URL] MEMBERS SESSIONS ACTIONS_PER_SESSION ADMIN_TOKEN
const { io } = require("socket.io-client");
const os = require("os");
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");
const [bases, membersArg, sessionsArg, actionsArg, adminToken] = isMainThread ? process.argv.slice(2) : workerData.argv;
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
const FLOODERS = +(process.env.FLOODERS || 0);
const FLOOD_KINDS = (process.env.FLOOD_KINDS || "vote").split(",");
const FLOOD_UNDER_RATE = +(process.env.FLOOD_UNDER_RATE || 19);
const FLOOD_RECONNECT = process.env.FLOOD_RECONNECT !== "0";
/** CPU seconds used so far by the server (JVM_PID, from the script) and by this process (members and flooders). */
function cpuSeconds() {
  const client = process.cpuUsage();
  let server = NaN;
  if (process.env.JVM_PID) {
    const fields = require("fs").readFileSync(`/proc/${process.env.JVM_PID}/stat`, "utf8").split(") ")[1].split(" ");
    server = (+fields[11] + +fields[12]) / 100;
  }
  return { server, client: (client.user + client.system) / 1e6 };
}
const WebSocket = FLOODERS > 0 ? require("ws") : null;
const now = () => Number(process.hrtime.bigint()) / 1e6;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
/** The promise, or a rejection after 10 s: a flooder never hangs the run. */
const within10s = (promise, what) => Promise.race([promise, pause(10000).then(() => { throw new Error(what + ": no answer in 10 s"); })]);
/**
 * Waits while more than 64 KiB wait in the socket's send buffer (and, for Socket.IO, more than 100 packets in the
 * client's own queue before it): as fast as the socket allows, no faster.
 */
async function drained(cycle, ws, engine) {
  while (cycle.code === null && (ws && ws.bufferedAmount > 65536 || engine && engine.writeBuffer.length > 100)) await pause(1);
}

// One abusive client: connects, floods until the server cuts it off, records the cycle, connects again.
class Flooder {
  constructor(index, kind, token, session) {
    Object.assign(this, { index, kind, token, session, cycles: [], stopping: false });
  }

  async run() {
    while (!this.stopping) {
      const cycle = { sent: 0, processed: 0, cutOffMs: null, closedMs: null, code: null };
      try {
        await (this.kind === "vote" || this.kind === "under" ? this.socketIo(cycle) : this.webSocket(cycle));
      } catch (e) {
        cycle.code = "connect failed: " + e.message;
        await pause(100);
      }
      this.cycles.push(cycle);
      if (!FLOOD_RECONNECT) {
        while (!this.stopping) await pause(50);
      }
    }
  }

  /** Socket.IO votes, as fast as the socket takes them ("vote") or at FLOOD_UNDER_RATE a second ("under"). */
  async socketIo(cycle) {
    const socket = io(base + "/sessions", { auth: { token: this.token }, transports: ["websocket"], reconnection: false, forceNew: true });
    try {
      await within10s(new Promise((resolve, reject) => { socket.once("connect", resolve); socket.once("connect_error", reject); }), "connect");
    } catch (e) {
      socket.close();
      throw e;
    }
    let start = null, value = 1;
    const closed = new Promise((resolve) => socket.once("disconnect", () => { cycle.closedMs = now() - start; resolve(); }));
    socket.on("channel_error", (e) => { cycle.code = e.code; cycle.cutOffMs ??= now() - start; });
    start = now();
    const vote = () => {
      value = -value;
      cycle.sent++;
      socket.emit("vote", { session_id: this.session.id, item_id: this.session.item, value }, () => cycle.processed++);
    };
    if (this.kind === "under") {
      const timer = setInterval(() => socket.connected && !this.stopping && vote(), 1000 / FLOOD_UNDER_RATE);
      while (socket.connected && !this.stopping) await pause(50);
      clearInterval(timer);
    } else {
      // batches of 20 between turns of the event loop: the socket writes them while acknowledgements come in
      // until the server says it cut us off: it may stop reading before the close reaches us
      while (socket.connected && !this.stopping && cycle.code === null) {
        for (let k = 0; k < 20; k++) vote();
        await new Promise((r) => setImmediate(r));
        await drained(cycle, socket.io.engine.transport.ws, socket.io.engine);
      }
    }
    await Promise.race([closed, pause(5000)]);
    if (socket.connected) socket.disconnect();
  }

  /** Plain WebSocket: malformed messages as fast as possible, or one oversized message. */
  async webSocket(cycle) {
    const url = base.replace(/^http/, "ws") + "/v1/realtime?access_token=" + encodeURIComponent(this.token);
    const ws = new WebSocket(url);
    try {
      await within10s(new Promise((resolve, reject) => { ws.once("open", resolve); ws.once("error", reject); }), "upgrade");
    } catch (e) {
      ws.terminate();
      throw e;
    }
    const start = now();
    const closed = new Promise((resolve) => ws.once("close", (code) => { cycle.closedMs = now() - start; cycle.code ??= "close " + code; resolve(); }));
    ws.on("error", () => {});
    ws.on("message", (data) => {
      const message = JSON.parse(data.toString());
      if (message.event === "ack") cycle.processed++;
      if (message.event === "error") { cycle.code = message.error.code; cycle.cutOffMs ??= now() - start; }
    });
    if (this.kind === "oversized") {
      cycle.sent++;
      ws.send("{\"action\":\"vote\",\"pad\":\"" + "x".repeat(70000) + "\"}");
    } else {
      while (ws.readyState === WebSocket.OPEN && !this.stopping && cycle.code === null) {
        for (let k = 0; k < 20; k++) { cycle.sent++; ws.send("{not json"); }
        await new Promise((r) => setImmediate(r));
        await drained(cycle, ws);
      }
    }
    await Promise.race([closed, pause(5000)]);
    if (ws.readyState !== WebSocket.CLOSED) ws.terminate();
  }

  report() {
    const c = this.cycles;
    const sum = (f) => c.reduce((t, x) => t + f(x), 0);
    const median = (f) => { const v = c.map(f).filter((x) => x !== null).sort((x, y) => x - y); return v.length ? percentile(v, 0.5).toFixed(0) : "-"; };
    const refused = c.filter((x) => x.code !== null && x.code.startsWith("connect failed")).length;
    const codes = [...new Set(c.map((x) => x.code && x.code.startsWith("connect failed") ? "refused" : x.code))].join("/");
    return `flooder ${this.index} (${this.kind}, member of session ${this.session.index}): ${c.length} connections (${refused} of them refused, retried after 100 ms), ${sum((x) => x.sent)} messages sent, `
      + `${sum((x) => x.processed)} processed (acknowledged); per connection median ${median((x) => x.sent)} sent, ${median((x) => x.processed)} processed, `
      + `cut off (error) after ${median((x) => x.cutOffMs)} ms, closed after ${median((x) => x.closedMs)} ms; ended by ${codes}`;
  }
}

// The flooders run in a worker thread of their own, so that generating the flood does not delay the measuring
// members' event loop (both still share the machine's cores with the server).
if (!isMainThread) {
  const flooders = workerData.flooders.map((f) => new Flooder(f.index, f.kind, f.token, f.session));
  const running = flooders.map((f) => f.run());
  const progress = setInterval(() => parentPort.postMessage({ progress: flooders.map((f) => f.kind + " " + f.cycles.length + " connections").join(", ") }), 5000);
  parentPort.once("message", async () => {
    flooders.forEach((f) => { f.stopping = true; });
    await Promise.all(running);
    clearInterval(progress);
    parentPort.postMessage({ reports: flooders.map((f) => f.report()) });
  });
} else (async () => {
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
    sessions.push({ index: s, id: created.id, item: queue.items[0].id, voter: created.host_id, members, flooded: false });
  }
  console.log(`${MEMBERS} members in ${SESSIONS} sessions registered and joined`);
  const flooders = [];
  for (let f = 0; f < FLOODERS; f++) {
    const token = await user("flood-" + f);
    const session = sessions[f % SESSIONS];
    await post(`/v1/sessions/${session.id}/join`, token);
    session.flooded = true;
    flooders.push({ index: f, kind: FLOOD_KINDS[f % FLOOD_KINDS.length], token, session: { index: session.index, id: session.id, item: session.item } });
  }
  const perNode = nodes.map(() => []);
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
        // one action at a time per session: the voter's vote_cast that comes is the one in flight (a flooder's are not)
        const w = session.waiter;
        if (!w || event.data.user_id !== session.voter || (w.sequence !== undefined && w.sequence !== event.sequence)) return;
        w.sequence = event.sequence;
        const ms = Number(process.hrtime.bigint() - w.sent) / 1e6;
        w.latencies.push(ms); perNode[node].push(ms); w.max = Math.max(w.max ?? 0, ms);
        w.heard.add(index);
        if (--w.waiting === 0) { w.slowest.push(w.max); session.waiter = null; clearTimeout(w.timer); w.done(); }
      });
      sockets.push({ socket, session });
    }
  }
  console.log(`connected and joined ${sockets.length} sockets in ${Date.now() - connectStart} ms`);
  if (process.env.HOLD_MS) { console.log("HOLD"); await new Promise((r) => setTimeout(r, +process.env.HOLD_MS)); }

  // ACTIONS rounds: every session's voter votes once per round, all sessions at once
  async function rounds() {
    const phase = { deliveries: [], flooded: [], calm: [], slowest: [], startedMs: now(), loadBefore: load(), cpuBefore: cpuSeconds() };
    for (let a = 0; a < ACTIONS; a++) {
      await Promise.all(sessions.map(async (session) => {
        const voter = sockets.find((s) => s.session === session).socket;
        await new Promise((done) => {
          session.waiter = { sent: process.hrtime.bigint(), waiting: session.members.length, done, heard: new Set(),
            latencies: session.flooded ? phase.flooded : phase.calm, slowest: phase.slowest };
          // a delivery that never comes is a finding, not a hang: say who missed it and stop
          session.waiter.timer = setTimeout(() => {
            const missing = session.members.map((_, i) => i).filter((i) => !session.waiter.heard.has(i));
            console.log(`action ${a} of session ${session.id}: no vote_cast after 60 s at members ${missing.join(", ")} (nodes ${missing.map((i) => i % nodes.length + 1).join(", ")}); sequence seen ${session.waiter.sequence}`);
            process.exit(2);
          }, 60000);
          // alternating, over both phases: a vote equal to the one before changes nothing and sends no event
          session.value = session.value === 1 ? -1 : 1;
          voter.emit("vote", { session_id: session.id, item_id: session.item, value: session.value }, (ack) => {
            if (!ack.ok) { console.error("refused", JSON.stringify(ack)); process.exit(1); }
          });
        });
      }));
    }
    phase.ms = now() - phase.startedMs;
    phase.loadAfter = load();
    const cpu = cpuSeconds();
    phase.cpu = `server CPU ${(cpu.server - phase.cpuBefore.server).toFixed(1)} s (${((cpu.server - phase.cpuBefore.server) / phase.ms * 1000).toFixed(2)} cores), `
      + `load generator ${(cpu.client - phase.cpuBefore.client).toFixed(1)} s (${((cpu.client - phase.cpuBefore.client) / phase.ms * 1000).toFixed(2)} cores)`;
    phase.deliveries = [...phase.flooded, ...phase.calm];
    for (const list of [phase.deliveries, phase.flooded, phase.calm, phase.slowest]) list.sort((x, y) => x - y);
    return phase;
  }
  const figures = (list) => list.length === 0 ? "none" : `${list.length}: p50 ${percentile(list, 0.5).toFixed(1)} ms, p90 ${percentile(list, 0.9).toFixed(1)} ms, p99 ${percentile(list, 0.99).toFixed(1)} ms, max ${list[list.length - 1].toFixed(1)} ms`;
  const describe = (label, phase) => {
    console.log(`${label} (${(phase.ms / 1000).toFixed(1)} s, load average ${phase.loadBefore} -> ${phase.loadAfter}; ${phase.cpu}): deliveries ${figures(phase.deliveries)}`);
    if (FLOODERS > 0) {
      console.log(`  in the ${sessions.filter((s) => s.flooded).length} sessions with a flooder member: ${figures(phase.flooded)}`);
      console.log(`  in the other sessions: ${figures(phase.calm)}`);
    }
    console.log(`  action to its last member (${phase.slowest.length} actions): p50 ${percentile(phase.slowest, 0.5).toFixed(1)} ms, p99 ${percentile(phase.slowest, 0.99).toFixed(1)} ms`);
  };

  if (FLOODERS > 0) {
    describe("without flooders", await rounds());
    const worker = new Worker(__filename, { workerData: { argv: process.argv.slice(2), flooders } });
    let reports = null;
    const reported = new Promise((resolve) => worker.on("message", (m) => {
      if (m.progress) console.log(`  flooding: ${m.progress}; load average ${load()}`);
      if (m.reports) { reports = m.reports; resolve(); }
    }));
    await pause(100);
    const flooded = await rounds();
    worker.postMessage("stop");
    await reported;
    describe(`with ${FLOODERS} flooders (${flooders.map((f) => f.kind).join(", ")}, in a worker thread, ${FLOOD_RECONNECT ? "reconnecting" : "once each"})`, flooded);
    reports.forEach((line) => console.log(line));
    await worker.terminate();
  } else {
    const phase = await rounds();
    if (nodes.length > 1) {
      perNode.forEach((list, node) => {
        list.sort((x, y) => x - y);
        console.log(`members on node ${node + 1}${node === 0 ? " (the voter's)" : " (cross-node)"}: ${list.length} deliveries, p50 ${percentile(list, 0.5).toFixed(1)} ms, p99 ${percentile(list, 0.99).toFixed(1)} ms`);
      });
    }
    console.log(`deliveries ${phase.deliveries.length}: p50 ${percentile(phase.deliveries, 0.5).toFixed(1)} ms, p90 ${percentile(phase.deliveries, 0.9).toFixed(1)} ms, p99 ${percentile(phase.deliveries, 0.99).toFixed(1)} ms, max ${phase.deliveries[phase.deliveries.length - 1].toFixed(1)} ms`);
    console.log(`action to its last member (${phase.slowest.length} actions): p50 ${percentile(phase.slowest, 0.5).toFixed(1)} ms, p99 ${percentile(phase.slowest, 0.99).toFixed(1)} ms`);
  }
  sockets.forEach((s) => s.socket.disconnect());
  if (process.env.HOLD_MS) {
    // the script reads the heap again with every connection closed: the connections' share is the difference
    console.log("RELEASED"); await new Promise((r) => setTimeout(r, +process.env.HOLD_MS));
  }
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
