// Seats that survive lost tabs, in Debian's headless Chromium: a student closes the tab and gets the seat back from
// the join link; a student on a second browser asks, the instructor approves and the student plays; the debrief
// opens in a new tab; a second browser takes over the class with the recovery link and seats a latecomer, moves a
// student and puts a bot in the seat left; the join and spectator links handed out before keep working.
// Usage: node seats.mjs <server url> <screenshot folder>. Exits non-zero on any failure.
import { launchChromium, runSteps, STEP_PATIENCE_MS } from "./headless.mjs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node seats.mjs <server url> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await launchChromium();
const failures = [];
const watchErrors = (name, page) => page.on("pageerror", (error) => failures.push(`${name}: ${error.message}`));
const openContext = async (viewport = { width: 1024, height: 800 }) => browser.newContext({ viewport });
const openPage = async (name, context) => {
  const page = await context.newPage();
  watchErrors(name, page);
  page.setDefaultTimeout(STEP_PATIENCE_MS);
  return page;
};
const shot = (page, name) => page.screenshot({ path: join(shots, `seats-${name}.png`), fullPage: true });
const partyShown = (page, name) => page.getByTestId("party-name").filter({ hasText: name }).waitFor();

await runSteps(browser, failures, async () => {
  const instructorContext = await openContext({ width: 1280, height: 900 });
  const instructor = await openPage("instructor", instructorContext);
  instructor.on("dialog", (dialog) => dialog.accept());
  await instructor.goto(`${base}/#/instructor`);
  await instructor.getByTestId("class-title").fill("Seats test");
  await instructor.getByTestId("game-count").fill("1");
  await instructor.getByTestId("round-seconds").fill("600");
  await instructor.getByTestId("create-class").click();
  await instructor.getByTestId("class-id").waitFor();
  const classId = (await instructor.getByTestId("class-id").textContent()).trim();
  const gameId = `${classId}-01`;
  const joinLinkOf = (party) => instructor.getByTestId(`join-link-${gameId}-${party}`).getAttribute("href");
  const usLink = await joinLinkOf("us");
  const russiaLink = await joinLinkOf("russia");
  if (!/\/#\/join\?class=[^&]+&code=[A-Z0-9]+$/.test(usLink)) throw new Error(`the join link has changed its form: ${usLink}`);

  const joinAs = async (page, link, name) => {
    await page.goto(link);
    await page.getByTestId("join-name").fill(name);
    await page.getByTestId("join-submit").click();
  };
  const adaContext = await openContext();
  let ada = await openPage("ada", adaContext);
  await joinAs(ada, usLink, "Ada");
  await ada.waitForURL(/#\/play$/);
  const borisLaptop = await openPage("boris-laptop", await openContext());
  await joinAs(borisLaptop, russiaLink, "Boris");
  await borisLaptop.waitForURL(/#\/play$/);

  await instructor.getByTestId("bot-strategy").selectOption("conceder");
  await instructor.getByTestId("start-class").click();
  await instructor.getByTestId("seat-roles").getByText("bot (conceder)").first().waitFor();
  await partyShown(ada, "United States");

  // The same browser, a new tab, the same join link: the seat comes back without the form.
  await ada.close();
  ada = await openPage("ada-again", adaContext);
  await ada.goto(usLink);
  await ada.waitForURL(/#\/play$/);
  await partyShown(ada, "United States");
  const usRow = instructor.getByTestId("seat-roles").locator("tr", { hasText: "United States" });
  if ((await usRow.textContent()).includes("Ada, Ada")) throw new Error("coming back made a second seat");
  console.log("a student who closed the tab got the seat back from the join link");

  // Another browser (a borrowed phone): the class has started, so the student asks and waits.
  const borisPhone = await openPage("boris-phone", await openContext({ width: 390, height: 844 }));
  await joinAs(borisPhone, russiaLink, "Boris");
  await borisPhone.getByTestId("seat-wait").waitFor();
  await shot(borisPhone, "waiting-phone");
  const borisRequest = instructor.getByTestId("seat-request").filter({ hasText: "Boris" });
  await borisRequest.waitFor();
  const offered = await borisRequest.getByTestId("seat-request-target").locator("option:checked").textContent();
  if (!offered.startsWith("Their seat")) throw new Error(`the panel did not offer Boris his own seat first: ${offered}`);
  await shot(instructor, "panel-request");
  await borisRequest.getByTestId("seat-approve").click();
  await borisPhone.waitForURL(/#\/play$/);
  await partyShown(borisPhone, "Russia");
  console.log("a student on a second browser asked, the instructor approved, and the student is seated");

  await borisPhone.getByTestId("issue-minerals").waitFor();
  await borisPhone.getByTestId("issue-minerals").selectOption({ index: 1 });
  await borisPhone.getByTestId("addressee-us").check();
  await borisPhone.getByTestId("offer-submit").click();
  await ada.locator("[data-testid^='inbox-offer-']").first().waitFor();
  console.log("the student on the second browser tabled an offer and the US sees it");

  const debrief = await openPage("debrief-tab", instructorContext);
  await debrief.goto(`${base}/#/debrief?game=${encodeURIComponent(gameId)}`);
  await debrief.getByTestId("timeline").waitFor();
  await debrief.waitForFunction(() => document.querySelector("[data-testid='timeline']")?.textContent.length > 0);
  if (await debrief.locator("[data-field='error']:not([hidden])").count()) throw new Error("the debrief in a new tab refused");
  await shot(debrief, "debrief-new-tab");
  console.log("the instructor opened the debrief in a new tab");

  await instructor.getByTestId("recovery").locator("summary").click();
  await instructor.getByTestId("show-recovery-link").click();
  const recovery = await instructor.getByTestId("recovery-link").getAttribute("href");
  if (recovery.includes("?key=") || !recovery.includes("#/instructor?")) throw new Error(`the key is not in the fragment: ${recovery}`);
  const secondDevice = await openPage("second-device", await openContext());
  secondDevice.on("dialog", (dialog) => dialog.accept());
  await secondDevice.goto(recovery);
  await secondDevice.getByTestId("class-id").filter({ hasText: classId }).waitFor();
  if (secondDevice.url().includes("key=")) throw new Error(`the recovery link stayed in the address bar: ${secondDevice.url()}`);
  await shot(secondDevice, "recovered-class");
  console.log("a second browser took over the class with the recovery link, which left the address bar");

  // The second device runs the class: a latecomer from the lobby link takes a bot's role...
  const lobbyLink = await secondDevice.getByTestId("lobby-link").getAttribute("href");
  const cleo = await openPage("cleo", await openContext());
  await joinAs(cleo, lobbyLink, "Cleo");
  await cleo.getByTestId("seat-wait").waitFor();
  const cleoRequest = secondDevice.getByTestId("seat-request").filter({ hasText: "Cleo" });
  await cleoRequest.waitFor();
  await cleoRequest.getByTestId("seat-request-target").selectOption(`role:${gameId}/ukraine`);
  await cleoRequest.getByTestId("seat-approve").click();
  await cleo.waitForURL(/#\/play$/);
  await partyShown(cleo, "Ukraine");
  const rolesOnSecond = secondDevice.getByTestId("seat-roles");
  await rolesOnSecond.locator("tr", { hasText: "Ukraine" }).filter({ hasText: "Cleo" }).waitFor();
  console.log("the recovered class seated a latecomer in a bot's role mid-game");

  // ...a student moves to the EU, whose bot hands over, and a bot takes the seat she left.
  await secondDevice.getByTestId("move-student").selectOption({ label: `Ada (United States · ${gameId})` });
  await secondDevice.getByTestId("move-target").selectOption(`role:${gameId}/eu`);
  await secondDevice.getByTestId("move-submit").click();
  await rolesOnSecond.locator("tr", { hasText: "European Union" }).filter({ hasText: "Ada" }).waitFor();
  await secondDevice.getByTestId(`set-bot-${gameId}-us`).click();
  await rolesOnSecond.locator("tr", { hasText: "United States" }).filter({ hasText: "bot (" }).waitFor();
  await partyShown(ada, "European Union");
  await shot(secondDevice, "panel-after-moves");
  console.log("a student was moved, her console followed, and a bot plays the seat she left");

  const spectatorLink = await instructor.getByTestId(`spectator-link-${gameId}`).getAttribute("href");
  if (!/\/#\/watch\?game=[^&]+&token=.+$/.test(spectatorLink)) throw new Error(`the spectator link has changed its form: ${spectatorLink}`);
  const spectator = await openPage("spectator", await openContext());
  await spectator.goto(spectatorLink);
  await spectator.waitForFunction(() => document.querySelectorAll("[data-testid='feed'] li").length > 0);
  await shot(spectator, "spectator-old-link");
  console.log("the spectator link handed out before opens the game");
});
