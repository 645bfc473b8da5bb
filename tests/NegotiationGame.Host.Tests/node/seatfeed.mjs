// A console whose seat changes while it watches the game, in Debian's headless Chromium (protocol.md "watchEnded"):
// a student the instructor moves to another role is followed there at once and told so; a student whose role goes
// to a bot is told why the game stopped and that this browser holds the seat no more. The class is driven over the hub.
// Usage: node seatfeed.mjs <server url> <screenshot folder>. Exits non-zero on any failure.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium, openPage, runSteps } from "./headless.mjs";
import { connectHub } from "./session.mjs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node seatfeed.mjs <server url> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const hub = await connectHub(base);
const { call } = hub;
const browser = await launchChromium();
const failures = [];
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "Seat feed test", games: 1, roundSeconds: 600 });
  const gameId = created.gameIds[0];
  const codeOf = (party) => created.joinCodes.find((c) => c.gameId === gameId && c.partyId === party).code;
  const joinInBrowser = async (party, name) => {
    const page = await openPage(browser, failures, name, { width: 390, height: 844 });
    await page.goto(`${base}/#/join?class=${encodeURIComponent(created.classId)}&code=${encodeURIComponent(codeOf(party))}`);
    await page.getByTestId("join-name").fill(name);
    await page.getByTestId("join-submit").click();
    await page.waitForURL(/#\/play$/);
    return page;
  };
  const ada = await joinInBrowser("ukraine", "Ada");
  const dan = await joinInBrowser("russia", "Dan");
  const bea = await call("joinClass", { classId: created.classId, code: codeOf("eu"), name: "Bea" });
  await call("startClass", { token: created.instructorToken, bots: "linear" });

  // Both consoles watch the game once their feed (on a phone, behind the Board tab) holds what Bea says in public.
  await call("act", { token: bea.token, commandId: crypto.randomUUID(), command: { type: "statement", text: "Europe is at the table." } });
  for (const page of [ada, dan]) await page.locator("[data-field=feed]").getByText("Europe is at the table.").first().waitFor({ state: "attached" });

  // Ada joins Bea's team (a student plays it, so no bot hands it over and no event of the game tells the console).
  const ukraineSeat = (await call("getClass", { token: created.instructorToken })).class.roster.find((seat) => seat.displayName === "Ada");
  await call("moveSeat", { token: created.instructorToken, seatId: ukraineSeat.seatId, gameId, partyId: "eu" });
  await ada.getByTestId("party-name").filter({ hasText: "European Union" }).waitFor();
  const told = (await ada.locator("#toast").innerText()).trim();
  if (!told.includes("moved your seat")) throw new Error(`the moved console did not say why it changed role: "${told}"`);
  await shot(ada, "seatfeed-moved-followed");
  console.log("a moved student's console followed the seat to the European Union and said why");

  // A bot takes Russia: Dan's console says why the game stopped, and Rejoin finds no seat for this browser.
  await call("setBot", { token: created.instructorToken, gameId, partyId: "russia", bot: "conceder" });
  const ended = dan.getByTestId("seat-ended");
  await ended.waitFor();
  if (await ended.getAttribute("data-reason") !== "seatReleased") throw new Error(`the reason shown is ${await ended.getAttribute("data-reason")}`);
  if (!(await ended.innerText()).includes("a bot plays this role now")) throw new Error(`the console does not say a bot took the role: ${await ended.innerText()}`);
  await dan.getByTestId("seat-ended-rejoin").click();
  await dan.getByTestId("seat-ended-status").filter({ hasText: "holds the seat no longer" }).waitFor();
  const reachable = await dan.evaluate(() => ["#panel-offers", "#panel-talk"].map((id) => !document.querySelector(id)?.closest("[inert]")));
  if (reachable.some(Boolean)) throw new Error(`the offers and talk of a seat that ended are still in reach: ${reachable}`);
  if (await dan.locator("[data-field=notice]").first().isVisible()) throw new Error(`a second notice repeats the refusal: ${await dan.locator("[data-field=notice]").first().innerText()}`);
  await shot(dan, "seatfeed-released");
  console.log("a student whose role went to a bot was told why, and that this browser holds the seat no more");
});
await hub.stop();
