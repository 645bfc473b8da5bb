// Drives the web UI in Debian's headless Chromium: the instructor creates a class, four students join in four
// browser contexts, an offer is tabled and accepted, and the spectator page shows the agreement.
// Usage: node browser.mjs <server url> <screenshot folder>. Exits non-zero on any failure.
import { launchChromium, runSteps } from "./headless.mjs";
import { pageOpener } from "./session.mjs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node browser.mjs <server url> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await launchChromium();
const failures = [];
const open = pageOpener(browser, failures);
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

await runSteps(browser, failures, async () => {
  const instructor = await open("instructor", { width: 1280, height: 900 });
  await instructor.goto(`${base}/#/instructor`);
  await instructor.getByTestId("class-title").fill("Browser test");
  await instructor.getByTestId("game-count").fill("1");
  await instructor.getByTestId("round-seconds").fill("600");
  await instructor.getByTestId("create-class").click();
  await instructor.getByTestId("class-id").waitFor();
  const gameId = (await instructor.getByTestId("class-id").textContent()).trim() + "-01";
  console.log(`class created, game ${gameId}`);

  await instructor.getByTestId(`qr-${gameId}-us`).click();
  await instructor.waitForFunction(() => document.querySelectorAll("[data-testid='qr-dialog'] svg rect").length > 100);
  await shot(instructor, "join-qr");
  await instructor.getByTestId("qr-dialog").getByText("Close").click();
  console.log("the join link has a QR code");

  const players = {};
  for (const party of ["us", "russia", "ukraine", "eu"]) {
    const link = await instructor.getByTestId(`join-link-${gameId}-${party}`).getAttribute("href");
    const page = await open(party, party === "ukraine" ? { width: 390, height: 844 } : { width: 1024, height: 800 });
    await page.goto(link);
    await page.getByTestId("join-name").fill(`Student ${party}`);
    await page.getByTestId("join-submit").click();
    // Seated before the class starts: a join the server takes after the start is a late one, with no seat of its own.
    await page.waitForURL(/#\/play$/);
    players[party] = page;
  }
  console.log("four students joined");

  await instructor.getByTestId("bot-strategy").selectOption("conceder");
  await instructor.getByTestId("start-class").click();
  await instructor.getByText("Negotiation").first().waitFor();
  await shot(instructor, "instructor");

  const us = players.us;
  await us.getByTestId("issue-minerals").waitFor();
  await us.getByTestId("issue-minerals").selectOption("share-25");
  await us.getByTestId("issue-security").selectOption("written");
  await us.getByTestId("addressee-ukraine").check();
  const score = (await us.getByTestId("offer-score").textContent()).trim();
  console.log(`the US sees its score for the package: ${score}`);
  await shot(us, "player-offer-builder");
  await us.getByTestId("offer-submit").click();

  const ukraine = players.ukraine;
  await ukraine.getByTestId("inbox-offer-1").waitFor();
  await shot(ukraine, "player-inbox-phone");
  // The package binds at once and leaves Ukraine below its reservation value, so the console asks first.
  ukraine.once("dialog", (dialog) => dialog.accept());
  await ukraine.getByTestId("accept-1").click();
  console.log("ukraine accepted offer #1");
  await us.getByTestId("board-minerals").getByText("binding").waitFor();
  console.log("the agreements board shows minerals binding");

  const spectatorLink = await instructor.getByTestId(`spectator-link-${gameId}`).getAttribute("href");
  const spectator = await open("spectator", { width: 1024, height: 800 });
  await spectator.goto(spectatorLink);
  await spectator.getByTestId("agreements-table").getByText("1", { exact: false }).first().waitFor();
  await spectator.waitForFunction(() => document.querySelector("[data-testid='agreements-table'] tbody")?.children.length > 0);
  console.log("the spectator sees the agreement");

  const secret = "Off the record: minerals for sanctions.";
  await us.getByTestId("talk-text").fill(secret);
  await us.getByTestId("talk-with-russia").check();
  await us.getByTestId("talk-send").click();
  await players.russia.getByTestId("feed").getByText(secret, { exact: false }).waitFor();
  await spectator.getByTestId("feed").getByText("are on a private call", { exact: false }).waitFor();
  if ((await spectator.content()).includes(secret) || (await ukraine.content()).includes(secret)) {
    throw new Error("the private message reached the spectator or Ukraine");
  }
  await shot(spectator, "spectator");
  console.log("a private call shows to the spectator only as a call");

  instructor.on("dialog", (dialog) => dialog.accept());
  await instructor.getByTestId(`end-${gameId}`).click();
  await spectator.getByTestId("feed").getByText("Game ended", { exact: false }).waitFor();
  await instructor.getByTestId(`debrief-link-${gameId}`).click();
  await instructor.waitForFunction(() =>
    document.querySelectorAll("[data-testid='dance-chart'] polyline, [data-testid='dance-chart'] path").length >= 4 &&
    document.querySelectorAll("[data-testid='pareto-chart'] circle").length > 100);
  await instructor.getByTestId("timeline").getByText(secret, { exact: false }).first().waitFor();
  await shot(instructor, "debrief");
  console.log("the debrief draws the dance and the frontier, with the private call at its moment");
});
