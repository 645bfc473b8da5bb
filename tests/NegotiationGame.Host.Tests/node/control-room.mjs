// The instructor's control room in Debian's headless Chromium: an untimed briefing ended by hand for every game, a
// class-wide pause that turns each game's controls off with its reason, news sent to every game at once or scheduled
// for a later round and taken back, an alert when an agreement is reached; each game's state on the page comes from its pushed stream.
// The class is created and the students act over the hub (docs/protocol.md); the instructor uses the page.
// Usage: node control-room.mjs <server url> <screenshot folder>. Prints one line per checked step, then "ok".
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium, runSteps } from "./headless.mjs";
import { connectHub, pageOpener } from "./session.mjs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node control-room.mjs <server url> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const hub = await connectHub(base);
const call = hub.call;
const browser = await launchChromium();
const failures = [];
const open = pageOpener(browser, failures);
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const check = (condition, failure) => { if (!condition) throw new Error(failure); };

await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "Control room", scenario: "ukraine-2025", games: 2, briefingSeconds: 300, roundSeconds: 600 });
  const [game1, game2] = created.gameIds;
  const tokens = {};
  for (const party of ["us", "ukraine"]) {
    const code = created.joinCodes.find((c) => c.gameId === game1 && c.partyId === party).code;
    tokens[party] = (await call("joinClass", { classId: created.classId, code, name: `Student ${party}` })).token;
  }

  const instructor = await open("instructor", { width: 1280, height: 900 });
  const handed = { classId: created.classId, instructorToken: created.instructorToken, gameIds: created.gameIds, lobbyCode: created.lobbyCode,
    joinCodes: created.joinCodes, spectatorTokens: created.spectatorTokens, title: "Control room" };
  await instructor.goto(`${base}/#/instructor?link=${encodeURIComponent(JSON.stringify(handed))}`);
  await instructor.getByTestId("untimed-briefing").check();
  await instructor.getByTestId("start-class").click();
  const overview = (gameId) => instructor.getByTestId(`overview-${gameId}`);
  for (const gameId of created.gameIds) await overview(gameId).getByRole("cell", { name: "Briefing", exact: true }).waitFor();
  await instructor.getByTestId(`control-reason-${game1}`).getByText("Untimed briefing", { exact: false }).waitFor();
  check(await instructor.getByTestId(`extend-${game1}`).isDisabled(), "Extend is active in an untimed briefing");
  check((await instructor.getByTestId(`extend-${game1}`).getAttribute("title")) === "This phase has no time limit to extend.", "Extend does not say why it is off");
  console.log("an untimed briefing opens every game, and Extend is off with its reason");

  await instructor.getByTestId("class-start-negotiation").click();
  for (const gameId of created.gameIds) await overview(gameId).getByRole("cell", { name: "Negotiation", exact: true }).waitFor();
  await instructor.getByTestId("class-control-status").getByText("2 of 2 game(s) opened round 1.").waitFor();
  console.log("one click opens round 1 in every game");

  await instructor.getByTestId("class-pause").click();
  for (const gameId of created.gameIds) {
    await instructor.getByTestId(`control-reason-${gameId}`).getByText("Paused: players cannot act until you resume.").waitFor();
    check(await instructor.getByTestId(`pause-${gameId}`).isDisabled(), `Pause of ${gameId} is still active while paused`);
    check(!(await instructor.getByTestId(`resume-${gameId}`).isDisabled()), `Resume of ${gameId} is off while paused`);
  }
  await instructor.waitForSelector("[data-testid='class-pause']:disabled");
  check((await instructor.getByTestId("class-pause").getAttribute("title")) === "Every game: The clock is already paused.", "Pause all does not say why it is off");
  check(!(await instructor.getByTestId("class-resume").isDisabled()), "Resume all is off while every game is paused");
  let refused = "";
  try {
    await call("act", { token: tokens.us, commandId: crypto.randomUUID(), command: { type: "statement", text: "While paused" } });
  } catch (error) {
    refused = error.message;
  }
  check(refused.includes("GamePaused"), `a player's statement during the pause was not refused with GamePaused: ${refused}`);
  await shot(instructor, "control-room-paused");
  console.log("a class-wide pause turns every game's controls off with the reason, and players are refused with GamePaused");

  await instructor.getByText("News to every game", { exact: true }).click();
  await instructor.getByTestId("class-news-headline").fill("Border crossing reopened");
  await instructor.getByTestId("class-news-submit").click();
  for (const gameId of created.gameIds) await instructor.getByTestId(`feed-${gameId}`).getByText("News: Border crossing reopened").waitFor();
  console.log("news sent once reaches the feed of every game");

  // News for the start of round 2 in every game, one more for round 3 in the first game only, then that one taken back.
  await instructor.getByTestId("class-news-headline").fill("Talks move to Geneva");
  await instructor.getByTestId("class-news-when").selectOption("2");
  await instructor.getByTestId("class-news-submit").click();
  await instructor.getByTestId("class-control-status").getByText("2 of 2 game(s) will publish it when round 2 begins.").waitFor();
  await instructor.getByTestId("class-waiting-0").getByText("in 2 of 2 games").waitFor();
  const card1 = instructor.getByTestId(`game-${game1}`);
  await card1.getByText("Inject news", { exact: true }).click();
  await instructor.getByTestId(`news-headline-${game1}`).fill("Sanctions review");
  check((await instructor.getByTestId(`news-when-${game1}`).locator("option").allInnerTexts()).join("|") === "Now|At the start of round 2|At the start of round 3|At the start of round 4|At the start of round 5|At the start of round 6",
    "the game's news form does not offer the rounds after round 1");
  await instructor.getByTestId(`news-when-${game1}`).selectOption("3");
  await instructor.getByTestId(`news-submit-${game1}`).click();
  await instructor.getByTestId(`waiting-${game1}-1`).getByText("Sanctions review").waitFor();
  check((await instructor.getByTestId(`waiting-${game1}-0`).innerText()).includes("Talks move to Geneva"), "the game's waiting list does not put round 2 first");
  await shot(instructor, "control-room-scheduled-news");
  await instructor.getByTestId(`waiting-${game1}-1`).getByRole("button").click();
  await instructor.getByTestId(`waiting-${game1}-1`).waitFor({ state: "detached" });
  await instructor.getByTestId(`feed-${game1}`).getByText("News for round 3 taken back: Sanctions review").waitFor();
  console.log("news waits for round 2 in every game, and news for round 3 in one game is taken back");

  await instructor.getByTestId("class-resume").click();
  for (const gameId of created.gameIds) await instructor.getByTestId(`pause-${gameId}`).and(instructor.locator(":enabled")).waitFor();
  const tabled = await call("act", { token: tokens.us, commandId: crypto.randomUUID(), command: { type: "table", package: { minerals: "share-25" }, addressees: ["ukraine"] } });
  check(tabled.ok, "the US could not table an offer after the resume");
  const log = await call("watch", { token: created.instructorToken, gameId: game1 });
  const offerId = log.events.map((e) => ({ ...e, data: typeof e.data === "string" ? JSON.parse(e.data) : e.data }))
    .filter((e) => e.type === "OfferTabled" && e.data.proposer === "us").at(-1).data.offerId;
  await call("act", { token: tokens.ukraine, commandId: crypto.randomUUID(), command: { type: "accept", offerId } });
  await instructor.getByTestId("alerts").getByText(`${game1}: agreement #`, { exact: false }).waitFor();
  await shot(instructor, "control-room-alert");
  console.log("an agreement raises an alert in the control room");
  // The card opens on the spectators' board, fed by the card's own stream.
  await instructor.waitForFunction((id) => {
    const tile = document.querySelector(`[data-testid='board-of-${id}'] [data-testid='board-issue-minerals']`);
    return tile?.getAttribute("data-state") === "binding" && tile.getAttribute("data-option") === "share-25";
  }, game1);
  console.log("the game's board at the head of its card shows the minerals deal binding");

  // Round 2 of the second game begins: its news comes out there, and still waits in the first.
  await instructor.getByTestId(`process-now-${game2}`).click();
  await instructor.getByTestId(`feed-${game2}`).getByText("News: Talks move to Geneva").waitFor();
  await instructor.getByTestId("class-waiting-0").getByText("in 1 of 2 games").waitFor();
  check(await instructor.getByTestId(`waiting-news-${game2}`).isHidden(), "the second game still lists news that is out");
  console.log("when round 2 begins in one game its news comes out there and waits in the other");

});
await hub.stop();
