// Plays a seat of the player console in Debian's headless Chromium on a phone (360 × 740) and a wide screen
// (1280 × 800): the brief and the points table in the lobby before the start, tabs that switch by click and by
// keyboard and survive a reload, no horizontal overflow in any section, Withdraw in "My offers", and the
// confirmation before an acceptance that binds the party below its reservation value. The United States is a second
// student driven over the hub (docs/protocol.md); bots play the rest.
// Usage: node player-console.mjs <server url> <screenshot folder>. Exits non-zero on any failure.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium, openPage, runSteps } from "./headless.mjs";
import { connectHub } from "./session.mjs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node player-console.mjs <server url> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const hub = await connectHub(base);
const { call } = hub;

const browser = await launchChromium();
const failures = [];
const expect = (condition, failure) => { if (!condition) failures.push(failure); };
const open = (name, viewport) => openPage(browser, failures, name, viewport);
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const noOverflow = async (page, where) => {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll <= inner, `${where}: the page is ${scroll} px wide in a ${inner} px window`);
};
const selected = (page, tab) => page.getByTestId(`tab-${tab}`).getAttribute("aria-selected");
const dataOf = (e) => (typeof e.data === "string" ? JSON.parse(e.data) : e.data);

await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "Console test", games: 1, roundSeconds: 600 });
  const gameId = created.gameIds[0];
  const codeOf = (party) => created.joinCodes.find((c) => c.gameId === gameId && c.partyId === party).code;
  const join = async (page, party, name) => {
    await page.goto(`${base}/#/join?class=${encodeURIComponent(created.classId)}&code=${encodeURIComponent(codeOf(party))}`);
    await page.getByTestId("join-name").fill(name);
    await page.getByTestId("join-submit").click();
  };

  // In the lobby: the role, the briefing and the points table, before the class starts.
  const phone = await open("ukraine", { width: 360, height: 740 });
  await join(phone, "ukraine", "Phone student");
  await phone.getByTestId("party-name").getByText("Ukraine").waitFor();
  await phone.getByTestId("points-security-us-troops").waitFor();
  expect((await phone.getByTestId("points-security-us-troops").innerText()).includes("25.0"), "the points table does not give US troops 25 points (weight 25 % × value 100)");
  expect((await phone.getByTestId("points-security-none").innerText()).includes("red line"), "the points table does not mark security/none as a red line");
  expect((await phone.getByTestId("confidential-briefing").innerText()).includes("You represent Ukraine"), "the confidential briefing is not shown in the lobby");
  expect((await phone.getByTestId("reservation").innerText()).trim() === "50.0", "the reservation value is not shown in the lobby");
  expect(await selected(phone, "brief") === "true" && await phone.locator("#panel-offers").isHidden(), "the lobby does not open on the brief alone");
  await noOverflow(phone, "phone, lobby, brief");
  await shot(phone, "console-phone-lobby-brief");
  console.log("the phone shows the brief and the points table in the lobby");

  // Tabs: a click, then the arrow key, and a reload keeps the section chosen.
  await phone.getByTestId("tab-offers").click();
  expect(await phone.locator("#panel-offers").isVisible() && await phone.locator("#panel-brief").isHidden(), "the Offers tab does not show the offers alone");
  await noOverflow(phone, "phone, lobby, offers");
  await phone.getByTestId("tab-offers").press("ArrowRight");
  expect(await selected(phone, "talk") === "true" && await phone.evaluate(() => document.activeElement?.dataset.testid) === "tab-talk", "ArrowRight does not move to the Talk tab");
  await phone.reload();
  await phone.getByTestId("points-security-us-troops").waitFor({ state: "attached" });
  expect(await selected(phone, "talk") === "true" && await phone.locator("#panel-talk").isVisible(), "a reload does not keep the Talk tab");
  await noOverflow(phone, "phone, lobby, talk");
  console.log("the tabs switch by click and by keyboard, and a reload keeps the tab");

  const wide = await open("eu", { width: 1280, height: 800 });
  await join(wide, "eu", "Wide student");
  await wide.getByTestId("party-name").getByText("European Union").waitFor();
  await wide.getByTestId("points-table").waitFor();
  const allShown = await Promise.all(["brief", "offers", "talk", "board"].map((tab) => wide.locator(`#panel-${tab}`).isVisible()));
  expect(allShown.every(Boolean) && await wide.getByTestId("tab-brief").isHidden(), `a wide screen does not show every section side by side: ${allShown}`);
  await noOverflow(wide, "wide, lobby");
  await shot(wide, "console-wide-lobby");
  console.log("a wide screen shows every section side by side");

  const us = (await call("joinClass", { classId: created.classId, code: codeOf("us"), name: "Hub student" })).token;
  await call("startClass", { token: created.instructorToken, bots: "linear" });
  const act = (command) => call("act", { token: us, commandId: crypto.randomUUID(), command });

  // My offers: table one, see it open, withdraw it.
  await phone.getByTestId("tab-offers").click();
  await phone.getByTestId("issue-security").selectOption("us-troops");
  await phone.getByTestId("addressee-us").check();
  await phone.getByTestId("offer-submit").click();
  const status = phone.locator("[data-testid^='my-offer-status-']").first();
  await status.getByText("open").waitFor();
  const ownId = (await status.getAttribute("data-testid")).replace("my-offer-status-", "");

  // While the instructor pauses the game, Withdraw and Talk's Send are off with the server's reason, and come back on.
  const instruct = (type) => call("instruct", { token: created.instructorToken, gameId, command: { type } });
  const withdraw = phone.getByTestId(`withdraw-${ownId}`);
  await instruct("pause");
  await phone.waitForSelector(`[data-testid='withdraw-${ownId}']:disabled`);
  expect((await withdraw.getAttribute("title") ?? "").includes("paused"), "a paused Withdraw does not say why it is off");
  await phone.getByTestId("tab-talk").click();
  await phone.waitForSelector("[data-testid='talk-send']:disabled");
  expect((await phone.getByTestId("talk-to").innerText()).includes("paused"), "Talk does not say why Send is off during the pause");
  await instruct("resume");
  await phone.waitForSelector("[data-testid='talk-send']:enabled");
  await phone.getByTestId("tab-offers").click();
  await phone.waitForSelector(`[data-testid='withdraw-${ownId}']:enabled`);
  console.log("a pause turns Withdraw and Send off with the reason, and the resume turns them back on");

  await withdraw.click();
  await phone.getByTestId(`my-offer-status-${ownId}`).getByText("withdrawn").waitFor();
  expect(await phone.getByTestId(`withdraw-${ownId}`).count() === 0, "a withdrawn offer still offers Withdraw");
  console.log(`offer #${ownId} showed as open in My offers and was withdrawn`);

  // An offer that binds at once and leaves Ukraine at 43.9, below its reservation of 50: the console asks first.
  const tabled = await act({ type: "table", package: { minerals: "share-50", security: "written" }, addressees: ["ukraine"] });
  const { events } = await call("watch", { token: us, gameId, afterSequence: tabled.lastSequence - 1 });
  const offerId = dataOf(events.find((e) => e.type === "OfferTabled" && dataOf(e).proposer === "us")).offerId;
  const preview = phone.getByTestId(`preview-accept-${offerId}`);
  await preview.waitFor();
  const previewText = await preview.innerText();
  expect(previewText.includes("43.6 → 43.9") && previewText.includes("below your reservation"), `the preview does not say what would bind and score: ${previewText}`);
  await noOverflow(phone, "phone, game, offers");
  await shot(phone, "console-phone-offers");

  const asked = new Promise((resolve) => phone.once("dialog", (dialog) => { resolve(dialog.message()); dialog.dismiss(); }));
  await phone.getByTestId(`accept-${offerId}`).click();
  const question = await asked;
  expect(question.includes("below your reservation value"), `the confirmation does not name the reservation: ${question}`);
  const marker = "Said after the refusal.";
  await act({ type: "statement", text: marker });
  await phone.getByTestId("tab-board").click();
  await phone.getByTestId("feed").getByText(marker, { exact: false }).waitFor();
  const log = (await call("watch", { token: us, gameId, afterSequence: 0 })).events;
  expect(!log.some((e) => e.type === "OfferAccepted" && dataOf(e).offerId === offerId), "the acceptance went ahead although the player said no");
  console.log("declining the confirmation sends nothing");

  await phone.getByTestId("tab-offers").click();
  phone.once("dialog", (dialog) => dialog.accept());
  await phone.getByTestId(`accept-${offerId}`).click();
  await phone.getByTestId("binding-score").getByText("43.9").waitFor();
  await phone.getByTestId("tab-board").click();
  await phone.getByTestId("board-security").getByText("binding").waitFor();
  await noOverflow(phone, "phone, game, board");
  await shot(phone, "console-phone-board");
  console.log("confirming the acceptance binds it: the score of what binds is 43.9");

  await wide.getByTestId("board-security").getByText("binding").waitFor();
  await noOverflow(wide, "wide, game");
  await shot(wide, "console-wide-game");
  console.log("the wide screen follows the game without overflow");
  await hub.stop();
});
