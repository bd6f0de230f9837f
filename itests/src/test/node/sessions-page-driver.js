// Drives the /sessions/ page in Debian's headless Chromium with playwright-core, as two people in two browser
// contexts (SessionsPageIT). Input: one JSON object as the first argument:
//   {"base", "chromium", "screenshots", "host": {"email", "password", "name"}, "guest": {...}, "query"}
// Output: one JSON line per step ({"step": ..., ...}); on a failure {"error": ...} and exit code 1. Every wait is
// for something the page shows; a wait that times out is the failure of that step.
"use strict";
const { chromium } = require("playwright-core");
const path = require("path");

const input = JSON.parse(process.argv[2]);
const WAIT = 20000;

function report(step, details) {
    process.stdout.write(JSON.stringify(Object.assign({ step }, details || {})) + "\n");
}

async function shot(page, name) {
    const file = path.join(input.screenshots, name + ".png");
    await page.screenshot({ path: file, fullPage: true });
    return file;
}

async function signInWithMouse(page, who) {
    await page.goto(input.base + "/sessions/");
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("#lobby").waitFor({ state: "visible", timeout: WAIT });
}

/** The keyboard only: focus moves with Tab, the form is sent with Enter. */
async function signInWithKeyboard(page, who) {
    await page.goto(input.base + "/sessions/");
    await page.locator("#email").focus();
    await page.keyboard.type(who.email);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement.id);
    if (focused !== "password") {
        throw new Error("Tab from the email field went to '" + focused + "', not the password field");
    }
    await page.keyboard.type(who.password);
    await page.keyboard.press("Enter");
    await page.locator("#lobby").waitFor({ state: "visible", timeout: WAIT });
}

/** Each member shown, with whether the page says they are here. */
async function presence(page) {
    return page.$$eval("#members li", (items) => items.map((li) => ({ name: li.querySelector(".member-name").textContent, present: li.dataset.present })));
}

async function memberNames(page, count) {
    await page.waitForFunction((n) => document.querySelectorAll("#members li").length === n, count, { timeout: WAIT });
    return page.$$eval("#members .member-name", (names) => names.map((n) => n.textContent));
}

async function nowPlaying(page, notItem) {
    await page.waitForFunction((not) => {
        const id = document.getElementById("now-playing").dataset.itemId;
        return id && id !== not;
    }, notItem || "", { timeout: WAIT });
    return page.evaluate(() => ({ item_id: document.getElementById("now-playing").dataset.itemId,
        title: document.getElementById("now-playing").textContent }));
}

/** The <audio> element plays the item's track: not paused, its position moving, its source a signed link to it. */
async function audioPlaying(page) {
    await page.waitForFunction(() => {
        const a = document.getElementById("audio");
        return !a.paused && a.currentTime > 0.3 && a.readyState >= 2;
    }, null, { timeout: WAIT });
    return page.evaluate(() => {
        const a = document.getElementById("audio");
        return { track_id: a.dataset.trackId, src: a.currentSrc, current_time: a.currentTime, paused: a.paused };
    });
}

async function main() {
    const browser = await chromium.launch({
        executablePath: input.chromium,
        headless: true,
        args: ["--no-sandbox", "--autoplay-policy=no-user-gesture-required", "--mute-audio"]
    });
    const pages = [];
    try {
        const hostPage = await (await browser.newContext()).newPage();
        const guestPage = await (await browser.newContext()).newPage();
        pages.push(["host", hostPage], ["guest", guestPage]);
        for (const [who, page] of pages) {
            page.on("pageerror", (e) => report("page_error", { who, message: e.message, stack: e.stack }));
            page.on("response", (r) => r.status() >= 400 && report("http_error", { who, status: r.status(), url: r.url() }));
            page.on("console", (m) => m.type() === "error" && report("console_error", { who, message: m.text() }));
        }

        await signInWithMouse(hostPage, input.host);
        await signInWithKeyboard(guestPage, input.guest);
        report("signed_in", {
            host: await hostPage.locator("#who-name").textContent(),
            guest: await guestPage.locator("#who-name").textContent()
        });

        await hostPage.getByLabel("Name", { exact: true }).fill(input.session_name);
        await hostPage.getByRole("button", { name: "Start session" }).click();
        await hostPage.locator("#session").waitFor({ state: "visible", timeout: WAIT });
        await hostPage.waitForFunction(() => document.getElementById("session-code").textContent.length > 0, null, { timeout: WAIT });
        const code = await hostPage.locator("#session-code").textContent();
        const sessionId = await hostPage.evaluate(() => decodeURIComponent(location.hash.substring(1)));
        report("created", { code, session_id: sessionId });

        await guestPage.getByLabel("Invite code").fill(code.toLowerCase());
        await guestPage.getByRole("button", { name: "Join session" }).click();
        await guestPage.locator("#session").waitFor({ state: "visible", timeout: WAIT });
        await guestPage.waitForFunction(() => document.getElementById("connection").textContent === "live", null, { timeout: WAIT });
        await hostPage.waitForFunction(() => document.getElementById("connection").textContent === "live", null, { timeout: WAIT });
        report("members", { host_sees: await memberNames(hostPage, 2), guest_sees: await memberNames(guestPage, 2),
            guest_session_id: await guestPage.evaluate(() => decodeURIComponent(location.hash.substring(1))) });
        // presence: with both pages open, each shows both members here (the channel's presence message)
        const bothHere = () => document.querySelectorAll('#members li[data-present="true"]').length === 2;
        await hostPage.waitForFunction(bothHere, null, { timeout: WAIT });
        await guestPage.waitForFunction(bothHere, null, { timeout: WAIT });
        report("present", { host_sees: await presence(hostPage), guest_sees: await presence(guestPage) });

        // the sign-in renews itself: an access token about to expire is traded for a new one (the refresh grant)
        // and the channel follows again with it; an access token the server refuses (401) is renewed once and the
        // request asked again — both with the server's real token endpoint
        const firstToken = await hostPage.evaluate(() => sessionStorage.getItem("audotics.access_token"));
        await hostPage.evaluate(() => sessionStorage.setItem("audotics.access_expires_at", String(Date.now())));
        await hostPage.waitForFunction((old) => sessionStorage.getItem("audotics.access_token") !== old, firstToken, { timeout: WAIT });
        await hostPage.waitForFunction(() => document.getElementById("connection").textContent === "live", null, { timeout: WAIT });
        const renewedToken = await hostPage.evaluate(() => sessionStorage.getItem("audotics.access_token"));
        await hostPage.evaluate(() => sessionStorage.setItem("audotics.access_token", "an-expired-or-revoked-token"));
        await hostPage.reload();
        await hostPage.locator("#session").waitFor({ state: "visible", timeout: WAIT });
        await hostPage.waitForFunction(() => document.getElementById("connection").textContent === "live", null, { timeout: WAIT });
        const afterReload = await hostPage.evaluate(() => sessionStorage.getItem("audotics.access_token"));
        report("renewed", { before_due: firstToken !== renewedToken, after_refused: afterReload !== "an-expired-or-revoked-token" && afterReload !== renewedToken,
            signed_in_as: await hostPage.locator("#who-name").textContent(), problem: await hostPage.locator("#problem").textContent() });

        // the host searches and adds two tracks
        await hostPage.getByLabel("Search tracks").fill(input.query);
        await hostPage.getByRole("button", { name: "Search", exact: true }).click();
        await hostPage.waitForFunction(() => document.querySelectorAll("#results li").length >= 2, null, { timeout: WAIT });
        const results = await hostPage.$$eval("#results li", (items) => items.map((li) => li.dataset.trackId));
        for (let i = 0; i < 2; i++) {
            await hostPage.locator("#results li").nth(i).getByRole("button", { name: /^Add / }).click();
            await hostPage.waitForFunction((n) => document.querySelectorAll("#queue li").length === n, i + 1, { timeout: WAIT });
        }
        await guestPage.waitForFunction(() => document.querySelectorAll("#queue li").length === 2, null, { timeout: WAIT });
        const queue = await guestPage.$$eval("#queue li", (items) => items.map((li) => li.dataset.itemId));
        report("queued", { results: results.slice(0, 2), guest_sees_queue: queue });

        // the guest votes the second item up with the keyboard; the host sees the vote (and the new order)
        const voted = queue[1];
        await guestPage.locator('#queue li[data-item-id="' + voted + '"]').getByRole("button", { name: /^Vote up / }).focus();
        await guestPage.keyboard.press("Enter");
        await hostPage.waitForFunction((id) => {
            const votes = document.querySelector('#queue li[data-item-id="' + id + '"] .votes');
            return votes && votes.textContent === "+1";
        }, voted, { timeout: WAIT });
        report("voted", {
            item_id: voted,
            host_sees_votes: await hostPage.locator('#queue li[data-item-id="' + voted + '"] .votes').textContent(),
            host_sees_first: await hostPage.$eval("#queue li", (li) => li.dataset.itemId),
            guest_pressed: await guestPage.locator('#queue li[data-item-id="' + voted + '"]').getByRole("button", { name: /^Vote up / })
                .getAttribute("aria-pressed")
        });
        await shot(hostPage, "1-host-queue-voted");
        await shot(guestPage, "1-guest-queue-voted");

        // the host plays: both pages show the same item and play its audio
        await hostPage.getByRole("button", { name: "Play", exact: true }).click();
        const hostNow = await nowPlaying(hostPage);
        const guestNow = await nowPlaying(guestPage);
        report("now_playing", { host: hostNow, guest: guestNow,
            host_audio: await audioPlaying(hostPage), guest_audio: await audioPlaying(guestPage),
            host_progress: await hostPage.locator("#progress").getAttribute("aria-valuetext") });
        // the drift of each page's audio from the server's position, sampled while it plays (a figure, not a test)
        const drift = { host: [], guest: [] };
        for (let i = 0; i < 24; i++) {
            await hostPage.waitForTimeout(250);
            for (const [who, page] of pages) {
                const d = await page.evaluate(() => Number(document.getElementById("audio").dataset.driftMs));
                if (Number.isFinite(d)) {
                    drift[who].push(d);
                }
            }
        }
        report("drift", drift);
        await shot(hostPage, "2-host-now-playing");
        await shot(guestPage, "2-guest-now-playing");

        // the guest votes to skip (one of two members is the default share): both move to the next item
        await guestPage.getByRole("button", { name: "Vote to skip" }).click();
        const hostNext = await nowPlaying(hostPage, hostNow.item_id);
        const guestNext = await nowPlaying(guestPage, guestNow.item_id);
        report("skipped", { host: hostNext, guest: guestNext });
        await shot(hostPage, "3-host-after-skip");
        await shot(guestPage, "3-guest-after-skip");

        // the guest closes the page (still a member): the host's page shows them away
        await guestPage.close();
        await hostPage.waitForFunction(() => document.querySelectorAll('#members li[data-present="true"]').length === 1, null, { timeout: WAIT });
        report("away", { host_sees: await presence(hostPage) });
        await shot(hostPage, "4-host-guest-away");
        report("done");
    } catch (e) {
        for (const [who, page] of pages) {
            await shot(page, "failure-" + who).catch(() => undefined);
        }
        report("error", { error: String(e && e.stack ? e.stack : e) });
        process.exitCode = 1;
    } finally {
        await browser.close();
    }
}

main();
