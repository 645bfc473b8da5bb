// Every page of the web UI at a phone's and a projector's size, in Debian's headless Chromium: no horizontal overflow
// (the document is no wider than the window) and no serious or critical accessibility violation found by axe-core.
// The class is set up, started and ended over the hub (docs/protocol.md); students join through the join links.
// Usage: node pages.mjs <server url> <screenshot folder>. Prints one line per page and size, then "ok"; every failure
// goes to stderr and the exit code is non-zero.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { launchChromium, runSteps } from "./headless.mjs";
import { connectHub, pageOpener } from "./session.mjs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node pages.mjs <server url> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// A phone of the smallest common width, a common phone, and a projector.
const SIZES = [{ width: 360, height: 740 }, { width: 390, height: 844 }, { width: 1920, height: 1080 }];
// The parties the three sizes' students play, so that each size has a seat of its own.
const SEATED = ["us", "russia", "ukraine"];

const hub = await connectHub(base);
const call = hub.call;

const browser = await launchChromium();
const failures = [];
const open = pageOpener(browser, failures);

/**
 * Checks the page as it is now: overflow, then axe. A failure is recorded, not thrown, so that one run names every
 * page that fails.
 */
async function inspect(page, name, size) {
  const label = `${name} ${size.width}x${size.height}`;
  await page.screenshot({ path: join(shots, `page-${name}-${size.width}x${size.height}.png`), fullPage: true });
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  if (widths.scroll > widths.inner) {
    // The widest elements that stick out of the window, leaving out what sits inside a box that scrolls sideways.
    const culprits = await page.evaluate(() => {
      const clipped = (node) => { for (let up = node.parentElement; up; up = up.parentElement) { if (getComputedStyle(up).overflowX !== "visible") return true; } return false; };
      const name = (node) => `${node.tagName.toLowerCase()}.${[...node.classList].join(".")}[${node.getAttribute("data-testid") ?? ""}]`;
      const out = [...document.querySelectorAll("body *")].filter((node) => node.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(node));
      return out.filter((node) => !out.some((other) => other !== node && node.contains(other))).slice(0, 5)
        .map((node) => `${name(node)} in ${name(node.parentElement)} (${Math.round(node.getBoundingClientRect().width)} px)`);
    });
    failures.push(`${label}: the page is ${widths.scroll} px wide in a ${widths.inner} px window (sticking out: ${culprits.join(", ")})`);
  }
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ["violations"] });
    return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  for (const violation of violations) failures.push(`${label}: ${violation}`);
  console.log(`${label}: ${widths.scroll} px of ${widths.inner}, ${violations.length} serious or critical`);
}

const waitForText = (page, testId, text) => page.getByTestId(testId).getByText(text, { exact: false }).first().waitFor();

await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "Every page", scenario: "ukraine-2025", games: 2, roundSeconds: 600 });
  const gameId = created.gameIds[0];
  const handed = { classId: created.classId, instructorToken: created.instructorToken, gameIds: created.gameIds, lobbyCode: created.lobbyCode,
    joinCodes: created.joinCodes, spectatorTokens: created.spectatorTokens, title: "Every page" };
  const codeOf = (party) => created.joinCodes.find((c) => c.gameId === gameId && c.partyId === party).code;
  const joinUrl = (party) => `${base}/#/join?class=${encodeURIComponent(created.classId)}&code=${encodeURIComponent(codeOf(party))}`;

  const players = [];
  const instructors = [];
  for (const [index, size] of SIZES.entries()) {
    const visitor = await open(`visitor ${size.width}`, size);
    await visitor.goto(`${base}/#/`);
    await visitor.locator("main#app .actions").first().waitFor();
    await inspect(visitor, "landing", size);
    await visitor.goto(`${base}/#/instructor`);
    await visitor.getByTestId("create-class").waitFor();
    await inspect(visitor, "instructor-create", size);
    await visitor.context().close();

    const instructor = await open(`instructor ${size.width}`, size);
    await instructor.goto(`${base}/#/instructor?link=${encodeURIComponent(JSON.stringify(handed))}`);
    await instructor.getByTestId("class-id").waitFor();
    await inspect(instructor, "class-room-lobby", size);
    instructors.push(instructor);

    const player = await open(`player ${size.width}`, size);
    await player.goto(joinUrl(SEATED[index]));
    await player.getByTestId("join-name").waitFor();
    await inspect(player, "join", size);
    await player.getByTestId("join-name").fill(`Student ${SEATED[index]}`);
    await player.getByTestId("join-submit").click();
    await player.getByTestId("party-name").waitFor();
    await player.waitForFunction(() => document.querySelector("[data-testid='party-name']")?.textContent !== "Loading…" ||
      document.querySelector("[data-field='notice']:not([hidden])"));
    await inspect(player, "player-lobby", size);
    players.push(player);
  }

  await call("startClass", { token: created.instructorToken, bots: "conceder" });
  for (const [index, size] of SIZES.entries()) {
    const player = players[index];
    await player.getByTestId("issue-minerals").waitFor();
    await player.getByTestId("talk-text").waitFor({ state: "attached" }); // on a phone, in the Talk tab
    await inspect(player, "player-play", size);

    const spectator = await open(`spectator ${size.width}`, size);
    await spectator.goto(`${base}/#/watch?game=${encodeURIComponent(gameId)}&token=${encodeURIComponent(created.spectatorTokens[gameId])}`);
    await waitForText(spectator, "feed", "Negotiation began");
    await inspect(spectator, "spectator", size);
    await spectator.context().close();

    const instructor = instructors[index];
    await instructor.reload();
    await instructor.getByTestId(`debrief-link-${gameId}`).waitFor();
    await inspect(instructor, "class-room-playing", size);
  }

  for (const id of created.gameIds) await call("instruct", { token: created.instructorToken, gameId: id, command: { type: "end" } });
  for (const [index, size] of SIZES.entries()) {
    const instructor = instructors[index];
    await instructor.goto(`${base}/#/debrief?game=${encodeURIComponent(gameId)}`);
    await instructor.waitForFunction(() => document.querySelectorAll("[data-testid='pareto-chart'] circle").length > 100);
    await waitForText(instructor, "timeline", "Game ended");
    await inspect(instructor, "debrief", size);
    await instructor.goto(`${base}/#/compare`);
    await instructor.waitForFunction(() => document.querySelectorAll("[data-testid='compare-table'] tbody tr").length >= 2);
    await inspect(instructor, "compare", size);
  }
  console.log("every page was checked at every size");
});
await hub.stop();
