// The student's end screen in Debian's headless Chromium: when the game ends live, the console shows the student's
// score against their reservation, the other parties' briefings (equal to what those parties read in their own
// consoles), the chart of the agreement against the frontier, and the class's ended games; in a class whose
// instructor keeps briefings closed, a console opened after the end says so and shows neither briefings nor chart.
// The classes are set up and ended over the hub (docs/protocol.md); students join through the join links.
// Usage: node endscreen.mjs <server url> <screenshot folder>. Prints one line per checked step, then "ok".
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { launchChromium, runSteps } from "./headless.mjs";
import { connectHub, pageOpener } from "./session.mjs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node endscreen.mjs <server url> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const hub = await connectHub(base);
const call = hub.call;
const browser = await launchChromium();
const failures = [];
const open = pageOpener(browser, failures);
const check = (condition, failure) => { if (!condition) throw new Error(failure); };
const text = async (page, testid) => (await page.getByTestId(testid).innerText()).trim();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function seat(created, gameId, party, viewport) {
  const code = created.joinCodes.find(c => c.gameId === gameId && c.partyId === party).code;
  const page = await open(party, viewport);
  await page.goto(`${base}/#/join?class=${encodeURIComponent(created.classId)}&code=${encodeURIComponent(code)}`);
  await page.getByTestId("join-name").fill(`Student ${party}`);
  await page.getByTestId("join-submit").click();
  // The class must not start before the seat is taken: a class that has started refuses joinClass.
  await page.waitForFunction(() => location.hash.startsWith("#/play"));
  return page;
}

const consoleReady = page => page.waitForFunction(() => /\d/.test(document.querySelector("[data-testid=reservation]")?.textContent ?? ""));

// axe-core over the end screen alone: the rest of the console is pages.mjs's to check.
async function seriousViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const results = await window.axe.run(document.querySelector("[data-testid=end-screen]"), { resultTypes: ["violations"] });
    return results.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => `${v.id}: ${v.help}`);
  });
}

async function shoot(page, name) {
  await page.getByTestId("end-screen").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "End screen", scenario: "ukraine-2025", games: 2, roundSeconds: 600 });
  const [gameOne, gameTwo] = created.gameIds;
  const token = created.instructorToken;
  const russia = await seat(created, gameOne, "russia", WIDE);
  const ukraine = await seat(created, gameOne, "ukraine", PHONE);
  await call("startClass", { token, bots: "conceder" });
  await consoleReady(russia);
  await consoleReady(ukraine);
  check(await russia.getByTestId("end-screen").count() === 0, "the end screen shows before the game has ended");
  const ukraineBriefing = (await ukraine.locator("[data-field=briefing]").textContent()).replace(/\s+/g, " ").trim();

  // Russia and Ukraine, Crimea's two signatories, settle it, so that something binds when the game ends.
  const tokenOf = page => page.evaluate(() => JSON.parse(localStorage.getItem("player") ?? "null")?.token);
  const act = async (page, command) => call("act", { token: await tokenOf(page), commandId: crypto.randomUUID(), command });
  await act(russia, { type: "table", package: { crimea: "recognised" }, addressees: ["ukraine"] });
  const inbox = (await call("getView", { token: await tokenOf(ukraine) })).view.inbox;
  const offer = inbox.find(o => o.proposer === "russia" && o.package.crimea === "recognised");
  check(offer, "Russia's offer on Crimea is not in Ukraine's inbox");
  await act(ukraine, { type: "accept", offerId: offer.offerId });

  await call("instruct", { token, gameId: gameTwo, command: { type: "end" } });
  await call("instruct", { token, gameId: gameOne, command: { type: "end" } });
  await russia.getByTestId("end-score-value").waitFor();
  const overview = await call("getClass", { token });
  const scoresOf = id => overview.games.find(g => g.gameId === id).scores;
  const score = scoresOf(gameOne).russia;
  check(await text(russia, "end-score-value") === score.toFixed(1), `the end screen says ${await text(russia, "end-score-value")} for a score of ${score}`);
  const reservation = await text(russia, "reservation");
  check(await text(russia, "end-reservation-value") === reservation, "the end screen's reservation is not the console's");
  const verdict = await text(russia, "end-verdict");
  const expected = score.toFixed(1) === reservation ? "exactly" : score > Number(reservation) ? "above" : "below";
  check(verdict.includes(expected), `the end screen says "${verdict}" for ${score} against ${reservation}`);
  const crimea = overview.scenario.issues.find(i => i.id === "crimea");
  const bound = await text(russia, "end-binding");
  check(bound.includes(`${crimea.name} → ${crimea.options.find(o => o.id === "recognised").label}`), `the end screen lists "${bound}" as binding`);
  console.log("when the game ends live, the end screen shows the score against the reservation and what binds");

  await russia.getByTestId("end-briefing-ukraine").locator("summary").click();
  const revealed = (await russia.getByTestId("end-briefing-ukraine").locator(".prose").textContent()).replace(/\s+/g, " ").trim();
  check(revealed === ukraineBriefing, "the revealed Ukrainian briefing differs from what Ukraine read in its console");
  check(await russia.getByTestId("end-briefing-russia").count() === 0, "Russia's end screen reveals Russia's own briefing as another party's");
  console.log("the other parties' briefings are revealed, each as its party read it");

  const chart = russia.getByTestId("end-chart");
  await chart.locator("svg .outcome-ring").waitFor();
  check(await chart.locator("svg .frontier").count() > 0, "the end screen's chart has no frontier");
  check(await chart.locator("svg .special").count() > 0, "the end screen's chart has no Nash point");
  console.log("the chart shows the agreement against the frontier and the Nash point");

  const rows = russia.getByTestId("end-class").locator("tbody tr");
  await rows.nth(1).waitFor();
  check(await rows.count() === 2, `the class comparison lists ${await rows.count()} games for the 2 that ended`);
  const own = await russia.getByTestId("end-class-own").innerText();
  check(own.includes(score.toFixed(1)), `the own game's row says "${own}"`);
  const otherRow = (await rows.allInnerTexts()).find(row => !row.includes("yours")) ?? "";
  check(otherRow.includes(scoresOf(gameTwo).russia.toFixed(1)), `the other game's row says "${otherRow}"`);
  console.log("the class comparison lists both ended games with the role's score and the welfare");

  await ukraine.getByTestId("end-score-value").waitFor();
  await ukraine.getByTestId("end-chart").locator("svg").waitFor();
  const overflow = await ukraine.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `the phone's console is ${overflow} px wider than the screen with the end screen`);
  await shoot(russia, "endscreen-wide");
  await shoot(ukraine, "endscreen-phone");
  await russia.getByTestId("end-chart").scrollIntoViewIfNeeded();
  await russia.screenshot({ path: join(shots, "endscreen-wide-chart.png") });
  await ukraine.getByTestId("end-class").scrollIntoViewIfNeeded();
  await ukraine.screenshot({ path: join(shots, "endscreen-phone-class.png") });
  for (const [name, page] of [["wide", russia], ["phone", ukraine]]) {
    const violations = await seriousViolations(page);
    check(violations.length === 0, `axe finds on the ${name} end screen: ${violations.join("; ")}`);
  }
  console.log("the end screen fits a phone without horizontal overflow, and axe finds nothing serious in it");

  const closed = await call("createClass", { title: "Closed briefs", scenario: "ukraine-2025", games: 1, roundSeconds: 600 });
  const closedGame = closed.gameIds[0];
  // The instructor closes the briefings with the class page's checkbox.
  const instructor = await open("instructor", WIDE);
  const handed = { classId: closed.classId, instructorToken: closed.instructorToken, gameIds: closed.gameIds, lobbyCode: closed.lobbyCode,
    joinCodes: closed.joinCodes, spectatorTokens: closed.spectatorTokens, title: "Closed briefs" };
  await instructor.goto(`${base}/#/instructor?link=${encodeURIComponent(JSON.stringify(handed))}`);
  const briefingBox = instructor.getByTestId("reveal-briefings");
  await briefingBox.waitFor();
  check(await briefingBox.isChecked(), "the class page does not start with the briefings revealed");
  await briefingBox.uncheck();
  // Polled, bounded: the page's toast, which says the same, can be replaced at once by an alert of the class room.
  const deadline = Date.now() + 10_000;
  let policy = (await call("getClass", { token: closed.instructorToken })).class;
  while (policy.revealBriefingsAfterEnd && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 100));
    policy = (await call("getClass", { token: closed.instructorToken })).class;
  }
  check(!policy.revealBriefingsAfterEnd, "unticking the class page's checkbox did not close the briefings");
  check(policy.revealPrivateAfterEnd, "closing the briefings changed the private-channel policy");
  const late = await seat(closed, closedGame, "ukraine", WIDE);
  await call("startClass", { token: closed.instructorToken, bots: "conceder" });
  await consoleReady(late);
  await call("instruct", { token: closed.instructorToken, gameId: closedGame, command: { type: "end" } });
  await late.reload();
  await late.getByTestId("end-briefings-closed").waitFor();
  check(await late.getByTestId("end-briefings").count() === 0, "the closed class's end screen reveals briefings");
  check(await late.getByTestId("end-chart").count() === 0, "the closed class's end screen draws the frontier");
  check(await late.getByTestId("end-score-value").count() === 1, "the closed class's end screen has no score");
  await shoot(late, "endscreen-closed");
  console.log("with briefings closed on the class page, a console opened after the end shows the score and says the briefings stay confidential");
});
await hub.stop();
