// Runs a game of a bundled scenario other than the default in Debian's headless Chromium, and reports whether the
// instructor's page, the player console and the spectator page speak that scenario: its party names, one colour of
// its own for each party, and no word of the default scenario; and whether the instructor's overview tells each
// game's last event in words. The class is set up over the hub (docs/protocol.md).
// Usage: node other-scenario.mjs <server url> <scenario name> <screenshot folder>. Exits non-zero on any failure.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./headless.mjs";
import { connectHub, pageOpener } from "./session.mjs";

const [base, scenarioName, shots] = process.argv.slice(2);
if (!base || !scenarioName || !shots) {
  console.error("usage: node other-scenario.mjs <server url> <scenario name> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const scenario = JSON.parse(readFileSync(new URL(`../../../scenarios/${scenarioName}.json`, import.meta.url), "utf8"));
const [first, second] = scenario.parties;
const foreignWords = /ukraine|russia|crimea|minerals/i;

const { call, stop } = await connectHub(base);

const browser = await launchChromium();
const failures = [];
const open = pageOpener(browser, failures);
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const accent = (locator) => locator.evaluate((node) => getComputedStyle(node).borderLeftColor);
const expect = (condition, failure) => { if (!condition) failures.push(failure); };
const noForeignWords = async (page, name) => {
  const text = await page.locator("body").innerText();
  expect(!foreignWords.test(text), `the ${name} page says "${text.match(foreignWords)?.[0]}" in a game of ${scenarioName}`);
};

try {
  const created = await call("createClass", { title: "Second scenario", scenario: scenarioName, games: 1, roundSeconds: 300 });
  const gameId = created.gameIds[0];
  const code = created.joinCodes.find((c) => c.gameId === gameId && c.partyId === first.id).code;

  const player = await open("player", { width: 390, height: 844 });
  await player.goto(`${base}/#/join?class=${encodeURIComponent(created.classId)}&code=${encodeURIComponent(code)}`);
  await player.getByTestId("join-name").fill("Student");
  await player.getByTestId("join-submit").click();
  // Seated before the class starts: a join the server takes after the start is a late one, with no seat of its own.
  await player.waitForURL(/#\/play$/);
  await call("startClass", { token: created.instructorToken, bots: "conceder" });

  await player.getByTestId("party-name").getByText(first.name).waitFor();
  const chips = [await accent(player.getByTestId(`addressee-${second.id}`).locator("..")), ...await Promise.all(
    scenario.parties.slice(2).map((p) => accent(player.getByTestId(`addressee-${p.id}`).locator(".."))))];
  expect(new Set(chips).size === scenario.parties.length - 1, `the other parties' chips share colours: ${chips.join(", ")}`);
  await noForeignWords(player, "player");
  await shot(player, `${scenarioName}-player-phone`);
  console.log(`the player console names the party ${first.name} and gives each other party a colour of its own`);

  const spectator = await open("spectator", { width: 1024, height: 800 });
  await spectator.goto(`${base}/#/watch?game=${encodeURIComponent(gameId)}&token=${encodeURIComponent(created.spectatorTokens[gameId])}`);
  await spectator.getByTestId("feed").getByText("Negotiation began", { exact: false }).waitFor();
  await noForeignWords(spectator, "spectator");
  console.log("the spectator page follows the game");

  // An instructor link carries the class into a new browser (the instructor page's ?link=).
  const handed = { classId: created.classId, instructorToken: created.instructorToken, gameIds: created.gameIds, lobbyCode: created.lobbyCode,
    joinCodes: created.joinCodes, spectatorTokens: created.spectatorTokens, title: "Second scenario" };
  const instructor = await open("instructor", { width: 1280, height: 900 });
  await instructor.goto(`${base}/#/instructor?link=${encodeURIComponent(JSON.stringify(handed))}`);
  const codeRows = instructor.getByTestId(`game-${gameId}`).locator("th.party-tag");
  await codeRows.getByText(second.name).waitFor();
  const rowNames = await codeRows.allInnerTexts();
  expect(scenario.parties.every((p) => rowNames.includes(p.name)), `the join codes name ${rowNames.join(", ")}`);
  const rowColours = await codeRows.evaluateAll((nodes) => nodes.map((node) => getComputedStyle(node).borderLeftColor));
  expect(new Set(rowColours).size === scenario.parties.length, `the join codes share colours: ${rowColours.join(", ")}`);
  // The overview tells each game's newest event in words, not by its sequence number.
  await instructor.waitForFunction((id) => {
    const cell = document.querySelector(`[data-testid='overview-${id}'] td.last-event`);
    return cell !== null && cell.textContent.trim() !== "" && !/^#\d+$/.test(cell.textContent.trim());
  }, gameId);
  const lastEvent = (await instructor.getByTestId(`overview-${gameId}`).locator("td.last-event").textContent()).trim();
  console.log(`the overview tells the last event in words: ${lastEvent}`);
  await noForeignWords(instructor, "instructor");
  await shot(instructor, `${scenarioName}-instructor`);
  console.log("the instructor's join codes name every party of the scenario, each in its own colour");
} catch (error) {
  failures.push(`${error.message}`);
} finally {
  await browser.close();
  await stop();
}

if (failures.length > 0) {
  for (const failure of failures) console.log(`FAILED ${failure}`);
  process.exit(1);
}
console.log("ok");
