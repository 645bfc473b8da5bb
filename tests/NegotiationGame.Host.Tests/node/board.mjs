// The projector board and the debrief's replay in Debian's headless Chromium. A game of four students is played over
// the hub (docs/protocol.md): a binding deal, a provisional one waiting for Ukraine, an open offer, a private call.
// The spectator page at 1,920 × 1,080 and on a phone must show every issue as the fold of the log says
// (js/game/board-state.js, run here on the log read over the hub), with the territories on the map, no private text
// and no score before the end. Then the debrief's replay, moved with its buttons and the keyboard to chosen events,
// must show the board of that moment.
// Usage: node board.mjs <server url> <screenshot folder>. Exits non-zero on any failure.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { foldBoard } from "../../../src/NegotiationGame.Host/wwwroot/js/game/board-state.js";
import { offersAt } from "../../../src/NegotiationGame.Host/wwwroot/js/game/replay-stops.js";
import { withData } from "../../../src/NegotiationGame.Host/wwwroot/js/net/event-stream.js";
import { launchChromium, runSteps } from "./headless.mjs";
import { connectHub, pageOpener } from "./session.mjs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node board.mjs <server url> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const hub = await connectHub(base);
const call = hub.call;
const act = (token, command) => call("act", { token, commandId: crypto.randomUUID(), command });

// The whole log as a watcher with this token reads it, page by page.
async function readLog(token, gameId) {
  const events = [];
  let reply;
  do {
    reply = await call("watch", { token, gameId, afterSequence: events.at(-1)?.sequence ?? 0 });
    events.push(...reply.events.map(withData));
  } while (reply.more);
  return { events, scenario: reply.scenario };
}

const browser = await launchChromium();
const failures = [];
const expect = (condition, failure) => { if (!condition) failures.push(failure); };
const open = pageOpener(browser, failures);
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

// Each issue's state and option as the page draws it, by tile or map key, and each map region's.
const drawnBoard = (page) => page.evaluate(() => {
  const read = (selector) => Object.fromEntries([...document.querySelectorAll(selector)].map((node) =>
    [node.dataset.testid.replace(/^board-(issue|region)-/, ""), `${node.dataset.state} ${node.dataset.option}`]));
  return { issues: read("[data-testid='board'] [data-testid^='board-issue-']"), regions: read("[data-testid='board'] [data-testid^='board-region-']") };
});

function compareBoard(drawn, expected, scenario, where) {
  for (const issue of scenario.issues) {
    const want = `${expected.issues[issue.id].state} ${expected.issues[issue.id].option}`;
    expect(drawn.issues[issue.id] === want, `${where}: ${issue.id} is drawn "${drawn.issues[issue.id]}", the fold says "${want}"`);
    if (issue.map) expect(drawn.regions[issue.id] === want, `${where}: the map region of ${issue.id} is "${drawn.regions[issue.id]}", the fold says "${want}"`);
  }
}

// Nothing wider than the window; when something is, the failure names the outermost elements that stick out.
const overflow = (page) => page.evaluate(() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return "";
  const wide = [...document.querySelectorAll("body *")].filter((node) => node.getBoundingClientRect().right > width + 1);
  return wide.filter((node) => !wide.includes(node.parentElement)).slice(0, 5)
    .map((node) => `${node.tagName.toLowerCase()}.${node.className} (${Math.round(node.getBoundingClientRect().right)} px)`).join(", ");
});

const secret = "Between us: minerals for sanctions relief.";

await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "Board test", scenario: "ukraine-2025", games: 1, roundSeconds: 900 });
  const gameId = created.gameIds[0];
  const tokens = {};
  for (const party of ["us", "russia", "ukraine", "eu"]) {
    const code = created.joinCodes.find((c) => c.gameId === gameId && c.partyId === party).code;
    tokens[party] = (await call("joinClass", { classId: created.classId, code, name: `Student ${party}` })).token;
  }
  await call("startClass", { token: created.instructorToken, bots: "conceder" });

  await act(tokens.us, { type: "table", package: { minerals: "share-25", security: "written" }, addressees: ["ukraine"] });
  await act(tokens.ukraine, { type: "accept", offerId: 1 });
  await act(tokens.russia, { type: "table", package: { crimea: "recognised", donetsk: "frozen" }, addressees: ["us"] });
  await act(tokens.us, { type: "accept", offerId: 2 });
  await act(tokens.us, { type: "message", channel: ["russia"], text: secret });
  await act(tokens.eu, { type: "table", package: { sanctions: "kept", "european-role": "signatory" }, addressees: ["us", "ukraine"] });
  const { lastSequence } = await act(tokens.ukraine, { type: "statement", text: "Nothing about Crimea without Ukraine." });
  console.log(`played to sequence ${lastSequence}`);

  const spectatorToken = created.spectatorTokens[gameId];
  const watchLink = `${base}/#/watch?game=${encodeURIComponent(gameId)}&token=${encodeURIComponent(spectatorToken)}`;
  const { events, scenario } = await readLog(spectatorToken, gameId);
  const expected = foldBoard(scenario, events);
  expect(expected.issues.crimea.state === "provisional" && expected.issues.minerals.state === "binding" && expected.issues.sanctions.state === "tabled",
    `the game did not reach the states the test needs: ${JSON.stringify(expected.issues)}`);

  const projector = await open("projector", { width: 1920, height: 1080 });
  await projector.goto(watchLink);
  await projector.waitForFunction((sequence) => document.querySelector("[data-testid='board']")?.dataset.sequence === String(sequence), lastSequence);
  compareBoard(await drawnBoard(projector), expected, scenario, "projector");
  const sizes = await projector.evaluate(() => ({
    option: parseFloat(getComputedStyle(document.querySelector(".board-option")).fontSize),
    time: parseFloat(getComputedStyle(document.querySelector("[data-testid='board-time']")).fontSize),
  }));
  expect(sizes.option >= 24 && sizes.time >= 56, `the board's type is too small for a projector: options ${sizes.option}px, clock ${sizes.time}px`);
  const latest = (await projector.getByTestId("board-latest").textContent()).trim();
  expect(latest.startsWith("Ukraine said"), `the latest move reads "${latest}"`);
  await projector.getByTestId("board-calls").getByText("Russia").first().waitFor();
  const projectorText = await projector.getByTestId("board").innerText();
  expect(!projectorText.includes(secret) && !(await projector.content()).includes(secret), "the private message reached the spectator's page");
  expect(!/Final scores/.test(projectorText), "the board shows scores before the end");
  const projectorOverflow = await overflow(projector);
  expect(!projectorOverflow, `the projector page scrolls sideways: ${projectorOverflow}`);
  await projector.getByTestId("board").screenshot({ path: join(shots, "board-1920x1080.png") });
  console.log(`the projector board shows every issue as the fold of the log (crimea provisional, minerals binding, sanctions on the table), latest: ${latest}`);

  const phone = await open("phone", { width: 390, height: 844 });
  await phone.goto(watchLink);
  await phone.waitForFunction((sequence) => document.querySelector("[data-testid='board']")?.dataset.sequence === String(sequence), lastSequence);
  compareBoard(await drawnBoard(phone), expected, scenario, "phone");
  const phoneOverflow = await overflow(phone);
  expect(!phoneOverflow, `the phone's page scrolls sideways: ${phoneOverflow}`);
  await shot(phone, "board-phone-390x844");
  console.log("the phone shows the same board without scrolling sideways");

  await call("instruct", { token: created.instructorToken, gameId, command: { type: "end" } });
  await projector.getByTestId("board-scores").waitFor();
  console.log("the scores appear on the board at the end");

  const instructor = await open("instructor", { width: 1280, height: 900 });
  const saved = { classId: created.classId, instructorToken: created.instructorToken, title: "Board test" };
  await instructor.goto(`${base}/#/instructor?link=${encodeURIComponent(JSON.stringify(saved))}`);
  await instructor.getByTestId("class-id").waitFor();
  await instructor.goto(`${base}/#/debrief?game=${encodeURIComponent(gameId)}`);
  await instructor.getByTestId("replay-play").waitFor();
  const debrief = await call("getDebrief", { token: created.instructorToken, gameId });
  const log = debrief.events.map(withData);
  const at = (index) => instructor.waitForFunction((n) => document.querySelector("[data-testid='timeline-label']")?.textContent.startsWith(`event ${n} of`), index + 1);
  const boardAt = async (index, where) => {
    await at(index);
    compareBoard(await drawnBoard(instructor), foldBoard(debrief.scenario, log, index), debrief.scenario, where);
    const rows = await instructor.locator("[data-testid='replay-offers'] tbody tr").count();
    expect(rows === offersAt(log, index).size, `${where}: ${rows} offers in the table, the fold has ${offersAt(log, index).size}`);
  };

  // The two-party dance rewinds with the rest: its points are the two parties' offers tabled up to the position.
  const danceAt = async (index, where) => {
    const pair = [await instructor.getByTestId("pair-dance-a").inputValue(), await instructor.getByTestId("pair-dance-b").inputValue()];
    const tabled = debrief.offers.filter((o) => o.sequence <= log[index].sequence && pair.includes(o.proposer)).length;
    const drawn = await instructor.waitForFunction((n) => document.querySelectorAll("[data-testid='pair-dance-chart'] circle.dance-point").length === n, tabled)
      .then(() => true, () => false);
    expect(drawn, `${where}: the two-party dance does not show the ${tabled} offers of ${pair.join(" and ")} tabled by then`);
  };

  await instructor.getByTestId("timeline").focus();
  await instructor.keyboard.press("Home");
  await boardAt(0, "replay at the first event");
  await danceAt(0, "replay at the first event");
  await instructor.getByTestId("replay-next-agreement").click();
  await instructor.getByTestId("replay-next-agreement").click();
  const second = log.findIndex((e, i) => e.type === "AgreementConcluded" && log.slice(0, i).some((p) => p.type === "AgreementConcluded"));
  await boardAt(second, "replay at the second agreement");
  await danceAt(second, "replay at the second agreement");
  const provisional = await instructor.getByTestId("board-issue-crimea").getAttribute("data-state");
  expect(provisional === "provisional", `at the second agreement Crimea is ${provisional}`);
  await shot(instructor, "debrief-replay-second-agreement");
  const feedHasSecret = () => instructor.getByTestId("timeline-feed").innerText().then((text) => text.includes(secret));
  expect(!(await feedHasSecret()), "the private message shows in the timeline before its moment");
  await instructor.getByTestId("timeline").focus();
  await instructor.keyboard.press("ArrowRight");
  const message = log.findIndex((e) => e.type === "MessageSent");
  expect(message === second + 1, `the private message is event ${message}, not right after the second agreement (${second})`);
  await boardAt(second + 1, "replay one event later");
  expect(await feedHasSecret(), "the private message is not in the timeline at its moment");
  await instructor.keyboard.press("End");
  await boardAt(log.length - 1, "replay at the end");
  await instructor.getByTestId("board-scores").waitFor();
  console.log(`the replay shows the board of the chosen events (${second + 1}, ${second + 2} of ${log.length}) as the fold of the log, with the private message at its moment`);
});
await hub.stop();
