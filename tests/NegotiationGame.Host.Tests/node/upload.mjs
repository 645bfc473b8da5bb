// The instructor's scenario upload in Debian's headless Chromium: a broken scenario file's problems are listed with
// their JSON paths, a good one is previewed and chosen, a class of it is created, a student plays its first party
// against a bot, the instructor ends the game and its debrief draws the frontier of the uploaded scenario.
// A GENIUS domain is converted on the way and previewed too.
// Usage: node upload.mjs <server url> <good file> <broken file> <GENIUS folder>. Prints one line per step; exits
// non-zero on a failure.
import { launchChromium, openPage, runSteps } from "./headless.mjs";
import { join } from "node:path";

const [base, goodFile, brokenFile, geniusFolder] = process.argv.slice(2);
if (!base || !goodFile || !brokenFile || !geniusFolder) {
  console.error("usage: node upload.mjs <server url> <good file> <broken file> <GENIUS folder>");
  process.exit(2);
}

const browser = await launchChromium();
const failures = [];
const open = (name) => openPage(browser, failures, name, { width: 1280, height: 900 });

await runSteps(browser, failures, async () => {
  const instructor = await open("instructor");
  await instructor.goto(`${base}/#/instructor`);
  await instructor.waitForFunction(() => !document.querySelector("[data-testid='scenario']").disabled);
  const bundled = await instructor.getByTestId("scenario").locator("option").allTextContents();
  if (!bundled.some((label) => label.includes("(bundled)"))) throw new Error(`no bundled scenario offered: ${bundled}`);
  console.log("the picker offers the bundled scenarios");

  await instructor.getByTestId("scenario-file").setInputFiles(brokenFile);
  await instructor.getByTestId("scenario-problems").getByText("$.issues[0].options[2].id: duplicate option id 'halves'").waitFor();
  await instructor.getByTestId("scenario-problems").getByText("$.profiles.south.values.height.high", { exact: false }).waitFor();
  console.log("the broken file's problems are listed with their JSON paths");

  await instructor.getByTestId("genius-domain").setInputFiles(join(geniusFolder, "allotment_domain.xml"));
  await instructor.getByTestId("genius-profiles").setInputFiles(["allotment_gardener.xml", "allotment_committee.xml"].map((name) => join(geniusFolder, name)));
  await instructor.getByTestId("genius-convert").click();
  await instructor.getByTestId("scenario-outcomes").getByText("possible outcomes", { exact: false }).waitFor();
  if ((await instructor.getByTestId("scenario").inputValue()) !== "converted") throw new Error("the converted domain is not the chosen scenario");
  console.log("a GENIUS domain is converted and previewed");

  await instructor.getByTestId("scenario-file").setInputFiles(goodFile);
  await instructor.getByTestId("scenario-outcomes").getByText("6 possible outcomes").waitFor();
  const chosen = await instructor.getByTestId("scenario").inputValue();
  if (!/^[0-9a-f]{64}$/.test(chosen)) throw new Error(`the uploaded file is not the chosen scenario: ${chosen}`);
  console.log("the uploaded file is previewed and chosen");

  await instructor.getByTestId("class-title").fill("Upload test");
  await instructor.getByTestId("round-seconds").fill("600");
  await instructor.getByTestId("create-class").click();
  await instructor.getByTestId("class-id").waitFor();
  const gameId = (await instructor.getByTestId("class-id").textContent()).trim() + "-01";
  const link = await instructor.getByTestId(`join-link-${gameId}-north`).getAttribute("href");
  const north = await open("north");
  await north.goto(link);
  await north.getByTestId("join-name").fill("Student north");
  await north.getByTestId("join-submit").click();
  // Seated before the class starts: a join the server takes after the start is a late one, with no seat of its own.
  await north.waitForURL(/#\/play$/);
  await instructor.getByTestId("bot-strategy").selectOption("conceder");
  await instructor.getByTestId("start-class").click();
  console.log("a class of the uploaded scenario started");

  await north.getByTestId("issue-height").waitFor();
  await north.getByTestId("issue-cost").selectOption("halves");
  await north.getByTestId("issue-height").selectOption("high");
  await north.getByTestId("addressee-south").check();
  await north.getByTestId("offer-submit").click();
  await north.getByTestId("feed").getByText("#1", { exact: false }).first().waitFor();
  console.log("the student tabled an offer of the uploaded scenario");

  instructor.on("dialog", (dialog) => dialog.accept());
  await instructor.getByTestId(`end-${gameId}`).click();
  await north.getByTestId("feed").getByText("Game ended", { exact: false }).waitFor();
  await instructor.getByTestId(`debrief-link-${gameId}`).click();
  await instructor.waitForFunction(() => document.querySelectorAll("[data-testid='pareto-chart'] circle").length >= 1);
  console.log("the debrief of the uploaded scenario draws its frontier");
});
