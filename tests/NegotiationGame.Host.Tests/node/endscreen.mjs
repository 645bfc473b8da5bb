// The student's end screen in Debian's headless Chromium: when the game ends live, the console shows the student's
// score against their reservation, the other parties' briefings (equal to what those parties read in their own
// consoles), the chart of the agreement against the frontier, and the class's ended games; in a class whose
// instructor keeps briefings closed, a console opened after the end says so and shows neither briefings nor chart.
// The classes are set up and ended over the hub (docs/protocol.md); students join through the join links.
// Usage: node endscreen.mjs <server url> <screenshot folder>. Prints one line per checked step, then "ok".
import { mkdirSync } from "node:fs";
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

async function shoot(page, name) {
  await page.getByTestId("end-screen").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "End screen", scenario: "ukraine-2025", games: 2, roundSeconds: 600 });
  const [gameOne, gameTwo] = created.gameIds;
  const token = created.instructorToken;
  const us = await seat(created, gameOne, "us", WIDE);
  const russia = await seat(created, gameOne, "russia", PHONE);
  await call("startClass", { token, bots: "conceder" });
  await consoleReady(us);
  await consoleReady(russia);
  check(await us.getByTestId("end-screen").count() === 0, "the end screen shows before the game has ended");
  const russiaBriefing = (await russia.locator("[data-field=briefing]").textContent()).replace(/\s+/g, " ").trim();

  await call("instruct", { token, gameId: gameTwo, command: { type: "end" } });
  await call("instruct", { token, gameId: gameOne, command: { type: "end" } });
  await us.getByTestId("end-score-value").waitFor();
  const games = (await call("getClass", { token })).games;
  const scoresOf = id => games.find(g => g.gameId === id).scores;
  check(await text(us, "end-score-value") === scoresOf(gameOne).us.toFixed(1),
    `the end screen says ${await text(us, "end-score-value")} for a score of ${scoresOf(gameOne).us}`);
  check(await text(us, "end-reservation-value") === await text(us, "reservation"), "the end screen's reservation is not the console's");
  check((await text(us, "end-verdict")).startsWith("Your score is"), "the end screen does not set the score against the reservation");
  console.log("when the game ends live, the end screen shows the score against the reservation");

  await us.getByTestId("end-briefing-russia").locator("summary").click();
  const revealed = (await us.getByTestId("end-briefing-russia").locator(".prose").textContent()).replace(/\s+/g, " ").trim();
  check(revealed === russiaBriefing, "the revealed Russian briefing differs from what Russia read in its console");
  check(await us.getByTestId("end-briefing-us").count() === 0, "the US end screen reveals the US's own briefing as another party's");
  console.log("the other parties' briefings are revealed, each as its party read it");

  const chart = us.getByTestId("end-chart");
  await chart.locator("svg .outcome-ring").waitFor();
  check(await chart.locator("svg .frontier").count() > 0, "the end screen's chart has no frontier");
  check(await chart.locator("svg .special").count() > 0, "the end screen's chart has no Nash point");
  console.log("the chart shows the agreement against the frontier and the Nash point");

  const rows = us.getByTestId("end-class").locator("tbody tr");
  await rows.nth(1).waitFor();
  check(await rows.count() === 2, `the class comparison lists ${await rows.count()} games for the 2 that ended`);
  const own = await us.getByTestId("end-class-own").innerText();
  check(own.includes(scoresOf(gameOne).us.toFixed(1)), `the own game's row says "${own}"`);
  const otherRow = (await rows.allInnerTexts()).find(row => !row.includes("yours")) ?? "";
  check(otherRow.includes(scoresOf(gameTwo).us.toFixed(1)), `the other game's row says "${otherRow}"`);
  console.log("the class comparison lists both ended games with the role's score and the welfare");

  await russia.getByTestId("end-score-value").waitFor();
  await russia.getByTestId("end-chart").locator("svg").waitFor();
  const overflow = await russia.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `the phone's console is ${overflow} px wider than the screen with the end screen`);
  await shoot(us, "endscreen-wide");
  await shoot(russia, "endscreen-phone");
  console.log("the end screen fits a phone without horizontal overflow");

  const closed = await call("createClass", { title: "Closed briefs", scenario: "ukraine-2025", games: 1, roundSeconds: 600 });
  const closedGame = closed.gameIds[0];
  await call("setRevealPolicy", { token: closed.instructorToken, revealPrivateAfterEnd: true, revealBriefingsAfterEnd: false });
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
  console.log("with briefings kept closed, a console opened after the end shows the score and says the briefings stay confidential");
});
await hub.stop();
