// The listening-together page (docs/api.md, "The sessions page"). Plain JavaScript, no framework, nothing from
// elsewhere: the REST API with the signed-in user's access token (kept in this tab's sessionStorage), the plain
// WebSocket /v1/realtime for the session's events and actions, and signed audio links for the <audio> element.
"use strict";
(function () {
    const $ = (id) => document.getElementById(id);
    const TOKEN_KEY = "audotics.access_token";
    // the refresh token (single use, replaced on each renewal) and when the access token expires, epoch ms
    const REFRESH_KEY = "audotics.refresh_token";
    const EXPIRES_KEY = "audotics.access_expires_at";
    // renew this long before the access token expires, so neither REST nor the channel ever meets an expired one
    const RENEW_BEFORE_MS = 60000;
    const DRIFT_MS = 250;
    const NUDGE_MS = 30;
    const state = {
        token: sessionStorage.getItem(TOKEN_KEY),
        me: null,
        session: null,
        queue: [],
        playback: null,
        lastSequence: null,
        present: new Set(),
        socket: null,
        nextActionId: 1,
        pending: new Map(),
        users: new Map(),
        tracks: new Map(),
        offset: 0,
        offsetRtt: Infinity,
        audioItem: null,
        audioReady: false,
        endAsked: null,
        audioRetried: null,
        retry: 0
    };

    // ---- small helpers ------------------------------------------------------------------------------------

    function say(text) {
        $("status").textContent = text;
    }

    function problem(text) {
        const p = $("problem");
        p.textContent = text || "";
        p.hidden = !text;
    }

    function show(section) {
        for (const id of ["sign-in", "lobby", "session"]) {
            $(id).hidden = id !== section;
        }
    }

    function clock(ms) {
        const s = Math.max(0, Math.floor(ms / 1000));
        return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    }

    function element(tag, attributes, ...children) {
        const e = document.createElement(tag);
        for (const [k, v] of Object.entries(attributes || {})) {
            if (k === "text") {
                e.textContent = v;
            } else if (k.startsWith("on")) {
                e.addEventListener(k.substring(2), v);
            } else if (v !== null && v !== undefined && v !== false) {
                e.setAttribute(k, v === true ? "" : v);
            }
        }
        for (const c of children) {
            e.append(c);
        }
        return e;
    }

    class ApiError extends Error {
        constructor(status, code, message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    async function api(method, path, body, renewed) {
        const headers = { Authorization: "Bearer " + state.token };
        const init = { method, headers };
        if (body !== undefined) {
            headers["Content-Type"] = "application/json";
            init.body = JSON.stringify(body);
        }
        const answer = await fetch(path, init);
        const text = await answer.text();
        let json = null;
        try {
            json = text ? JSON.parse(text) : null;
        } catch (notJson) {
            json = null;
        }
        if (answer.status === 401) {
            // an access token that expired (a laptop that slept through the renewal): renew once and ask again
            if (!renewed && await renewToken()) {
                return api(method, path, body, true);
            }
            signOut("Your sign-in has expired: please sign in again.");
        }
        if (!answer.ok) {
            const error = json && json.error ? json.error : { code: "http_" + answer.status, message: "the server answered " + answer.status };
            throw new ApiError(answer.status, error.code, error.message);
        }
        return json;
    }

    /** The queue as REST and the channel both send it, {"items": [...]} (a bare array from servers before 2026-12). */
    function items(queue) {
        return Array.isArray(queue) ? queue : (queue && queue.items) || [];
    }

    function failed(what) {
        return (e) => problem(what + ": " + (e && e.message ? e.message : e));
    }

    // ---- signing in ---------------------------------------------------------------------------------------

    async function signIn(event) {
        event.preventDefault();
        problem(null);
        const form = new URLSearchParams({ grant_type: "password", username: $("email").value, password: $("password").value });
        const answer = await fetch("/v1/auth/token", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form });
        const json = await answer.json().catch(() => ({}));
        if (!answer.ok) {
            problem("Sign-in failed: " + (json.error_description || (json.error && json.error.message) || json.error || answer.status));
            return;
        }
        keepTokens(json);
        $("password").value = "";
        await start();
    }

    /** Keeps a token answer: the access token, when it expires, and the refresh token (replaced by each renewal). */
    function keepTokens(json) {
        state.token = json.access_token;
        sessionStorage.setItem(TOKEN_KEY, state.token);
        sessionStorage.setItem(EXPIRES_KEY, String(Date.now() + 1000 * (json.expires_in || 3600)));
        if (json.refresh_token) {
            sessionStorage.setItem(REFRESH_KEY, json.refresh_token);
        }
    }

    let renewing = null;

    /**
     * Trades the refresh token for a new access token (one request at a time: a refresh token is good once).
     * @return whether the page holds a fresh access token now
     */
    function renewToken() {
        const refreshToken = sessionStorage.getItem(REFRESH_KEY);
        if (!refreshToken) {
            return Promise.resolve(false);
        }
        if (!renewing) {
            const form = new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken });
            renewing = fetch("/v1/auth/token", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form })
                .then(async (answer) => {
                    const json = await answer.json().catch(() => ({}));
                    if (!answer.ok || !json.access_token) {
                        sessionStorage.removeItem(REFRESH_KEY);
                        return false;
                    }
                    keepTokens(json);
                    return true;
                })
                .catch(() => false)
                .finally(() => {
                    renewing = null;
                });
        }
        return renewing;
    }

    function renewalDue() {
        const expiresAt = Number(sessionStorage.getItem(EXPIRES_KEY) || 0);
        return Boolean(state.token) && expiresAt > 0 && Date.now() > expiresAt - RENEW_BEFORE_MS;
    }

    /** Renews a token about to expire, then follows the session again with it (resuming from the last event seen). */
    async function renewIfDue() {
        if (!renewalDue()) {
            return;
        }
        if (await renewToken()) {
            if (state.socket) {
                const old = state.socket;
                state.socket = null;
                old.close(1000, "a new access token");
                connect();
            }
        } else if (renewalDue() && Date.now() > Number(sessionStorage.getItem(EXPIRES_KEY))) {
            signOut("Your sign-in has expired: please sign in again.");
        }
    }

    function signOut(message) {
        state.token = null;
        for (const key of [TOKEN_KEY, REFRESH_KEY, EXPIRES_KEY]) {
            sessionStorage.removeItem(key);
        }
        closeSession();
        $("who").hidden = true;
        show("sign-in");
        if (message) {
            problem(message);
        }
    }

    async function start() {
        try {
            state.me = await api("GET", "/v1/me");
        } catch (e) {
            if (e.status !== 401) {
                problem("Cannot reach the server: " + e.message);
            }
            return;
        }
        state.users.set(state.me.id, state.me.display_name || state.me.id);
        $("who-name").textContent = state.me.display_name || state.me.email;
        $("who").hidden = false;
        const wanted = location.hash.length > 1 ? decodeURIComponent(location.hash.substring(1)) : null;
        if (wanted) {
            try {
                const session = await api("GET", "/v1/sessions/" + encodeURIComponent(wanted));
                if (session.members.some((m) => m.user_id === state.me.id)) {
                    openSession(session);
                    return;
                }
            } catch (gone) {
                history.replaceState(null, "", location.pathname);
            }
        }
        showLobby();
    }

    // ---- the lobby ----------------------------------------------------------------------------------------

    async function showLobby() {
        show("lobby");
        say("Signed in. Start a session or join one.");
        const list = $("session-list");
        list.replaceChildren();
        try {
            const sessions = await api("GET", "/v1/sessions?limit=20");
            for (const s of sessions.items) {
                const member = s.members.some((m) => m.user_id === state.me.id);
                list.append(element("li", {}, s.name + " (" + s.members.length + (s.members.length === 1 ? " member" : " members") + ") ",
                    element("button", { type: "button", text: member ? "Open" : "Join", "aria-label": (member ? "Open " : "Join ") + s.name,
                        onclick: () => (member ? openSession(s) : api("POST", "/v1/sessions/" + s.id + "/join").then(openSession)).catch(failed("Cannot join")) })));
            }
            if (!sessions.items.length) {
                list.append(element("li", { text: "None yet." }));
            }
        } catch (e) {
            failed("Cannot list sessions")(e);
        }
    }

    async function createSession(event) {
        event.preventDefault();
        problem(null);
        try {
            openSession(await api("POST", "/v1/sessions", { name: $("session-name").value, visibility: $("visibility").value }));
        } catch (e) {
            failed("Cannot start the session")(e);
        }
    }

    async function joinByCode(event) {
        event.preventDefault();
        problem(null);
        try {
            openSession(await api("POST", "/v1/sessions/join", { invite_code: $("invite-code").value.trim() }));
        } catch (e) {
            failed("Cannot join")(e);
        }
    }

    // ---- the session --------------------------------------------------------------------------------------

    function openSession(session) {
        state.session = session;
        state.queue = [];
        state.playback = null;
        state.lastSequence = null;
        state.audioItem = null;
        history.replaceState(null, "", "#" + encodeURIComponent(session.id));
        show("session");
        renderSession();
        renderQueue();
        renderPlayback();
        say("In session " + session.name + ".");
        connect();
        measureClock(3);
    }

    function closeSession() {
        const socket = state.socket;
        state.socket = null;
        state.session = null;
        state.present = new Set();
        if (socket) {
            socket.close(1000, "left");
        }
        const audio = $("audio");
        audio.pause();
        audio.removeAttribute("src");
        state.audioItem = null;
        history.replaceState(null, "", location.pathname);
    }

    async function leave() {
        const id = state.session.id;
        try {
            await api("POST", "/v1/sessions/" + id + "/leave");
        } catch (e) {
            failed("Cannot leave")(e);
            return;
        }
        closeSession();
        showLobby();
    }

    function isHost() {
        return state.session && state.me && state.session.host_id === state.me.id;
    }

    async function userName(id) {
        if (id === "audotics:server") {
            return "Audotics (group recommendations)";
        }
        if (!state.users.has(id)) {
            state.users.set(id, api("GET", "/v1/users/" + encodeURIComponent(id)).then((u) => u.display_name || id, () => id));
        }
        return state.users.get(id);
    }

    async function trackInfo(ids) {
        const missing = [...new Set(ids.filter((id) => id && !state.tracks.has(id)))];
        for (let i = 0; i < missing.length; i += 50) {
            const part = missing.slice(i, i + 50);
            try {
                const answer = await api("GET", "/v1/tracks?ids=" + part.map(encodeURIComponent).join(","));
                (answer.tracks || []).forEach((t, n) => t && state.tracks.set(part[n], t));
            } catch (e) {
                // shown by id
            }
        }
    }

    function trackTitle(id) {
        const t = state.tracks.get(id);
        if (!t) {
            return id || "";
        }
        return t.name + " — " + (t.artists || []).map((a) => a.name).join(", ");
    }

    async function renderSession() {
        const s = state.session;
        $("session-title").textContent = s.name;
        $("session-code").textContent = s.invite_code || "";
        const members = $("members");
        const items = await Promise.all(s.members.map(async (m) => {
            const name = await userName(m.user_id);
            const notes = [m.host ? "host" : null, m.user_id === state.me.id ? "you" : null].filter(Boolean);
            // presence comes from the channel: who has the session open now (until it has spoken, nobody is shown here)
            const here = state.present.has(m.user_id);
            return element("li", { "data-user-id": m.user_id, "data-present": String(here) }, element("span", { class: "member-name", text: name }),
                element("span", { class: "meta", text: " · " + (here ? "here" : "away") + (notes.length ? " · " + notes.join(", ") : "") }));
        }));
        members.replaceChildren(...items);
        $("members-title").textContent = "Members (" + s.members.length + ")";
        for (const id of ["play", "pause", "next"]) {
            // the playback rule decides; the server refuses with host_only when it says host
            $(id).disabled = s.rules && s.rules.playback === "host" && !isHost();
        }
    }

    async function renderQueue() {
        const queue = state.queue;
        await trackInfo(queue.map((i) => i.track_id));
        const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.focusKey : null;
        const rows = await Promise.all(queue.map(async (item) => {
            const title = trackTitle(item.track_id);
            const by = await userName(item.added_by);
            const net = item.net_votes > 0 ? "+" + item.net_votes : String(item.net_votes);
            return element("li", { "data-item-id": item.id },
                element("span", { class: "title", text: title }), " · net votes ",
                element("span", { class: "votes", text: net }), " ",
                element("button", { type: "button", "aria-pressed": String(item.my_vote === 1), "data-focus-key": item.id + ":up",
                    "aria-label": "Vote up " + title, text: "▲ Up", onclick: () => vote(item, item.my_vote === 1 ? 0 : 1) }), " ",
                element("button", { type: "button", "aria-pressed": String(item.my_vote === -1), "data-focus-key": item.id + ":down",
                    "aria-label": "Vote down " + title, text: "▼ Down", onclick: () => vote(item, item.my_vote === -1 ? 0 : -1) }), " ",
                element("span", { class: "meta", text: "added by " + by }));
        }));
        $("queue").replaceChildren(...rows);
        $("queue-empty").hidden = queue.length > 0;
        if (focused) {
            const again = document.querySelector('[data-focus-key="' + CSS.escape(focused) + '"]');
            if (again) {
                again.focus();
            }
        }
    }

    async function renderPlayback() {
        const p = state.playback;
        if (!p || !p.item_id) {
            $("now-playing").textContent = "Nothing is playing.";
            $("skip-votes").textContent = "";
            $("skip").disabled = true;
            return;
        }
        await trackInfo([p.track_id]);
        $("now-playing").textContent = trackTitle(p.track_id) + (p.playing ? "" : " (paused)");
        $("now-playing").dataset.itemId = p.item_id;
        const voters = p.skip_voters || [];
        $("skip").disabled = false;
        $("skip").setAttribute("aria-pressed", String(voters.includes(state.me.id)));
        $("skip-votes").textContent = voters.length ? voters.length + (voters.length === 1 ? " vote to skip" : " votes to skip") : "";
        tick();
    }

    // ---- the server's clock and the audio -----------------------------------------------------------------

    /** Reads the playback; each read is also a sample of the server's clock (the sample with the least round trip wins). */
    async function refreshPlayback() {
        if (!state.session) {
            return;
        }
        const sent = Date.now();
        const p = await api("GET", "/v1/sessions/" + state.session.id + "/playback");
        const received = Date.now();
        const rtt = received - sent;
        if (rtt <= state.offsetRtt * 1.5 || rtt < 50) {
            state.offset = p.server_time - (sent + received) / 2;
            state.offsetRtt = Math.min(rtt, state.offsetRtt);
        }
        state.playback = p;
        renderPlayback();
    }

    async function measureClock(times) {
        for (let i = 0; i < times && state.session; i++) {
            await refreshPlayback().catch(() => undefined);
        }
    }

    /** Where the item is now by the server's clock: position_ms + (server now - server_time) while playing. */
    function expectedPosition() {
        const p = state.playback;
        if (!p || !p.item_id) {
            return 0;
        }
        if (!p.playing) {
            return p.position_ms;
        }
        return Math.min(p.duration_ms, p.position_ms + (Date.now() + state.offset - p.server_time));
    }

    function tick() {
        const p = state.playback;
        const at = expectedPosition();
        const progress = $("progress");
        if (p && p.item_id) {
            progress.max = p.duration_ms;
            progress.value = at;
            $("position").textContent = clock(at) + " / " + clock(p.duration_ms);
            if (p.playing && at >= p.duration_ms && state.endAsked !== p.item_id) {
                // the item ended by the clock: reading the playback settles it and starts the next
                state.endAsked = p.item_id;
                refreshPlayback().catch(() => undefined);
            }
        } else {
            progress.max = 1;
            progress.value = 0;
            $("position").textContent = "0:00 / 0:00";
        }
        progress.setAttribute("aria-valuetext", $("position").textContent);
        syncAudio(at);
    }

    async function loadAudio(item, trackId) {
        const audio = $("audio");
        state.audioReady = false;
        try {
            const link = await api("GET", "/v1/tracks/" + encodeURIComponent(trackId) + "/audio/link");
            if (state.audioItem !== item) {
                return;
            }
            audio.src = link.url;
            audio.dataset.trackId = trackId;
            audio.load();
        } catch (e) {
            if (e.status === 404) {
                say("This track has no audio file on the server: the session plays on without sound here.");
            } else {
                failed("Cannot load the audio")(e);
            }
        }
    }

    function syncAudio(atMs) {
        const audio = $("audio");
        const p = state.playback;
        if (!p || !p.item_id || !$("listen").checked) {
            if (!audio.paused) {
                audio.pause();
            }
            return;
        }
        if (state.audioItem !== p.item_id) {
            state.audioItem = p.item_id;
            loadAudio(p.item_id, p.track_id);
            return;
        }
        if (!state.audioReady || audio.seeking) {
            return;
        }
        const want = atMs / 1000;
        const inFile = !Number.isFinite(audio.duration) || want < audio.duration;
        const drift = audio.currentTime * 1000 - atMs;
        if (p.playing && inFile && !audio.paused) {
            // how far the element is from the server's position (before any correction), for whoever looks
            audio.dataset.driftMs = String(Math.round(drift));
        }
        if (inFile && Math.abs(drift) > DRIFT_MS) {
            // far off (a seek, a late start): jump
            audio.currentTime = want;
            audio.playbackRate = 1;
        } else if (p.playing && Math.abs(drift) > NUDGE_MS) {
            // a little off (the output's start-up latency): play 5 % faster or slower until back within NUDGE_MS
            audio.playbackRate = drift < 0 ? 1.05 : 0.95;
        } else {
            audio.playbackRate = 1;
        }
        if (p.playing && inFile && audio.paused) {
            audio.play().catch(() => say("The browser blocked playing the audio: press Play the audio here, or any button, to allow it."));
        } else if ((!p.playing || !inFile) && !audio.paused) {
            audio.pause();
        }
    }

    // ---- the realtime channel (plain WebSocket) ------------------------------------------------------------

    function connect() {
        if (!state.session || !state.token) {
            return;
        }
        const session = state.session;
        const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/v1/realtime?access_token=" + encodeURIComponent(state.token);
        const socket = new WebSocket(url);
        state.socket = socket;
        $("connection").textContent = "connecting…";
        socket.onopen = async () => {
            const args = { session_id: session.id };
            if (state.lastSequence !== null) {
                args.last_sequence = state.lastSequence;
            }
            try {
                const ack = await action("join", args);
                state.retry = 0;
                $("connection").textContent = "live";
                if (ack.resumed === "snapshot") {
                    state.lastSequence = ack.sequence;
                    // the snapshot's session is the REST one; merged, so a field an older server left out stays
                    state.session = Object.assign({}, state.session, ack.snapshot.session);
                    state.queue = items(ack.snapshot.queue);
                    state.playback = ack.snapshot.playback;
                    renderSession();
                    renderQueue();
                    renderPlayback();
                }
            } catch (e) {
                failed("Cannot follow the session")(e);
            }
        };
        socket.onmessage = (message) => {
            let m;
            try {
                m = JSON.parse(message.data);
            } catch (notJson) {
                return;
            }
            if (m.event === "ack") {
                const waiting = state.pending.get(m.id);
                state.pending.delete(m.id);
                if (waiting) {
                    m.ok ? waiting.resolve(m) : waiting.reject(new ApiError(m.error.status, m.error.code, m.error.message));
                }
            } else if (m.event === "presence" && m.session_id === session.id) {
                // a state, not an event: no sequence number, never replayed
                state.present = new Set((m.data && m.data.online) || []);
                renderSession();
            } else if (m.event === "error" && m.code === "token_expired") {
                // the channel closes now; the reconnect renews the token first (renewIfDue)
                $("connection").textContent = "renewing the sign-in…";
            } else if (m.event === "error") {
                problem("The live connection reported: " + (m.message || m.code));
            } else if (m.session_id === session.id) {
                onEvent(m);
            }
        };
        socket.onclose = () => {
            for (const waiting of state.pending.values()) {
                waiting.reject(new Error("the connection closed"));
            }
            state.pending.clear();
            if (state.socket !== socket) {
                return;
            }
            state.socket = null;
            $("connection").textContent = "reconnecting…";
            state.retry = Math.min(state.retry + 1, 5);
            // a connection closed for an expired token comes back with a renewed one
            setTimeout(() => renewIfDue().finally(() => state.socket || connect()), 500 * state.retry * state.retry);
        };
    }

    function action(name, args) {
        const socket = state.socket;
        if (!socket || socket.readyState !== WebSocket.OPEN) {
            return Promise.reject(new Error("not connected; trying again"));
        }
        const id = state.nextActionId++;
        return new Promise((resolve, reject) => {
            state.pending.set(id, { resolve, reject });
            socket.send(JSON.stringify(Object.assign({ action: name, id }, args)));
        });
    }

    const refreshing = new Map();

    /** Runs one read of a kind at a time; a request during one runs once more after it. */
    function refresh(kind, read) {
        const running = refreshing.get(kind);
        if (running) {
            running.again = true;
            return;
        }
        const entry = { again: false };
        refreshing.set(kind, entry);
        read().catch(() => undefined).finally(() => {
            refreshing.delete(kind);
            if (entry.again) {
                refresh(kind, read);
            }
        });
    }

    function refreshSession() {
        refresh("session", async () => {
            state.session = await api("GET", "/v1/sessions/" + state.session.id);
            renderSession();
        });
    }

    function refreshQueue() {
        refresh("queue", async () => {
            state.queue = items(await api("GET", "/v1/sessions/" + state.session.id + "/queue"));
            renderQueue();
        });
    }

    function onEvent(e) {
        if (state.lastSequence !== null && e.sequence <= state.lastSequence) {
            return;
        }
        state.lastSequence = e.sequence;
        const data = e.data || {};
        switch (e.type) {
            case "member_joined":
            case "member_left":
            case "host_changed":
            case "settings_changed":
                if (e.type === "member_left" && data.user_id === state.me.id) {
                    say(data.removed ? "The host removed you from the session." : "You left the session.");
                    closeSession();
                    showLobby();
                    return;
                }
                refreshSession();
                break;
            case "queue_updated":
            case "vote_cast":
                refreshQueue();
                break;
            case "playback_changed":
                state.playback = Object.assign({}, data, { skip_voters: [] });
                renderPlayback();
                refresh("playback", refreshPlayback);
                refreshQueue();
                break;
            case "skip_voted":
                refresh("playback", refreshPlayback);
                break;
            case "session_ended":
                closeSession();
                showLobby();
                say("The session has ended.");
                break;
            default:
                break;
        }
    }

    // ---- actions ------------------------------------------------------------------------------------------

    async function vote(item, value) {
        try {
            const ack = await action("vote", { session_id: state.session.id, item_id: item.id, value });
            state.queue = items(ack.queue);
            renderQueue();
        } catch (e) {
            failed("The vote did not count")(e);
        }
    }

    async function add(track) {
        try {
            const ack = await action("add", { session_id: state.session.id, uris: ["audotics:track:" + track.id] });
            state.queue = items(ack.queue);
            renderQueue();
            say("Added " + track.name + " to the queue.");
        } catch (e) {
            failed("Cannot add the track")(e);
        }
    }

    async function playback(method, path, body) {
        problem(null);
        try {
            state.playback = await api(method, "/v1/sessions/" + state.session.id + "/playback" + path, body);
            renderPlayback();
        } catch (e) {
            failed("Playback")(e);
        }
    }

    async function search(event) {
        event.preventDefault();
        const q = $("search-q").value.trim();
        const results = $("results");
        try {
            const answer = await api("GET", "/v1/search?type=track&limit=20&q=" + encodeURIComponent(q));
            const tracks = answer.tracks.items;
            tracks.forEach((t) => state.tracks.set(t.id, t));
            results.replaceChildren(...tracks.map((t) => element("li", { "data-track-id": t.id },
                element("span", { class: "title", text: trackTitle(t.id) + " (" + clock(t.duration_ms) + ")" }), " ",
                element("button", { type: "button", text: "Add", "aria-label": "Add " + trackTitle(t.id) + " to the queue", onclick: () => add(t) }))));
            say(tracks.length + (tracks.length === 1 ? " track found." : " tracks found."));
        } catch (e) {
            failed("Search failed")(e);
        }
    }

    // ---- wiring -------------------------------------------------------------------------------------------

    document.addEventListener("DOMContentLoaded", () => {
        $("sign-in-form").addEventListener("submit", signIn);
        $("sign-out").addEventListener("click", () => signOut());
        $("create-form").addEventListener("submit", createSession);
        $("join-form").addEventListener("submit", joinByCode);
        $("search-form").addEventListener("submit", search);
        $("leave").addEventListener("click", leave);
        $("play").addEventListener("click", () => playback("PUT", "", { state: "playing" }));
        $("pause").addEventListener("click", () => playback("PUT", "", { state: "paused" }));
        $("next").addEventListener("click", () => playback("POST", "/next"));
        $("skip").addEventListener("click", () => playback("POST", "/skip"));
        const audio = $("audio");
        audio.addEventListener("loadedmetadata", () => {
            state.audioReady = true;
            tick();
        });
        audio.addEventListener("error", () => {
            // an expired link: ask once for a new one at the next tick (a file the browser cannot play stays silent)
            if (state.audioItem && state.audioRetried !== state.audioItem) {
                state.audioRetried = state.audioItem;
                state.audioItem = null;
            }
        });
        setInterval(() => state.session && tick(), 250);
        // the clock offset drifts slowly; a read now and then keeps it and the skip votes fresh
        setInterval(() => state.session && refresh("playback", refreshPlayback), 15000);
        setInterval(renewIfDue, 5000);
        if (state.token) {
            start();
        } else {
            show("sign-in");
        }
    });
})();
