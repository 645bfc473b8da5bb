// The player's Talk section in Debian's headless Chromium: a thread per call and the public one, unread counts, the
// recipients kept from one message to the next, reply from a message, private threads said in words, and the reveal
// of the other calls live when the game ends. The class is set up and ended over the hub (docs/protocol.md); three
// students play the US, Russia and Ukraine through the join links, a bot the EU.
// Usage: node talk.mjs <server url> <screenshot folder>. Prints one line per checked step, then "ok".
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium, runSteps } from "./headless.mjs";
import { connectHub, pageOpener } from "./session.mjs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node talk.mjs <server url> <screenshot folder>");
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
const thread = (page, key) => page.getByTestId(`talk-thread-${key}`);
const messages = (page) => page.getByTestId("talk-messages");
const send = async (page, text) => {
  await page.getByTestId("talk-text").fill(text);
  await page.getByTestId("talk-send").click();
  await messages(page).getByText(text).waitFor();
};

await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "Talk", scenario: "ukraine-2025", games: 1, roundSeconds: 600 });
  const gameId = created.gameIds[0];
  const players = {};
  for (const party of ["us", "russia", "ukraine"]) {
    const code = created.joinCodes.find((c) => c.gameId === gameId && c.partyId === party).code;
    const page = await open(party, party === "ukraine" ? { width: 390, height: 844 } : { width: 1280, height: 900 });
    await page.goto(`${base}/#/join?class=${encodeURIComponent(created.classId)}&code=${encodeURIComponent(code)}`);
    await page.getByTestId("join-name").fill(`Student ${party}`);
    await page.getByTestId("join-submit").click();
    // Seated before the class starts: a join the server takes after the start is a late one, with no seat of its own.
    await page.getByTestId("party-name").waitFor();
    players[party] = page;
  }
  await call("startClass", { token: created.instructorToken, bots: "conceder" });
  const { us, russia, ukraine } = players;
  await ukraine.getByTestId("tab-talk").click(); // a phone's console shows one section at a time
  for (const page of Object.values(players)) await page.getByTestId("talk-with-eu").waitFor();

  await us.getByTestId("talk-with-russia").check();
  check((await us.getByTestId("talk-to").innerText()).includes("privately to Russia"), "the form does not say the message goes privately to Russia");
  await send(us, "First, privately.");
  check(await us.getByTestId("talk-with-russia").isChecked(), "Russia was unticked after the message was sent");
  await send(us, "Second, still private.");
  await thread(russia, "russia-us-unread").getByText("2 unread").waitFor();
  console.log("the recipients stay ticked, and both messages reach Russia's thread of the call as 2 unread");

  await thread(russia, "russia-us").click();
  await messages(russia).getByText("Second, still private.").waitFor();
  await russia.waitForFunction(() => !document.querySelector("[data-testid='talk-thread-russia-us-unread']"));
  const title = await russia.getByTestId("talk-thread-title").innerText();
  check(title === "Private call with United States" || title.startsWith("Private call with"), `the private thread is titled "${title}"`);
  check(await russia.locator(".talk-view.private").count() === 1, "the private thread is not marked private");
  console.log(`opening the thread reads it; it says "${title}" in words`);

  const hiddenCount = ukraine.getByTestId("talk-thread-russia-us");
  await hiddenCount.getByText("2 hidden").waitFor();
  check(!(await ukraine.content()).includes("still private"), "the private words reached Ukraine before the end");
  console.log("Ukraine sees that the US and Russia are on a call, not what they say");

  await thread(ukraine, "public").click();
  await ukraine.getByTestId("talk-with-us").waitFor();
  check(!(await ukraine.getByTestId("talk-with-us").isChecked()), "a recipient is ticked in the public thread");
  await send(ukraine, "In public: we want guarantees.");
  await thread(us, "public-unread").getByText("1 unread").waitFor();
  await thread(us, "public").click();
  await messages(us).getByRole("button", { name: "Reply privately to Ukraine" }).click();
  check(await us.getByTestId("talk-with-ukraine").isChecked() && !(await us.getByTestId("talk-with-russia").isChecked()),
    "replying privately to Ukraine did not tick only Ukraine");
  check(await us.evaluate(() => document.activeElement?.getAttribute("data-testid")) === "talk-text", "the reply did not put the cursor in the message");
  await send(us, "Let us talk guarantees, just us.");
  await thread(ukraine, "ukraine-us-unread").getByText("1 unread").waitFor();
  console.log("a reply from a public statement opens the private call with its speaker");

  await us.getByTestId("talk-with-eu").check();
  await call("act", { token: created.instructorToken, gameId, partyId: "eu", commandId: crypto.randomUUID(), command: { type: "walkAway" } });
  await us.waitForFunction(() => document.querySelector("[data-testid='talk-with-eu']")?.disabled);
  check(!(await us.getByTestId("talk-with-eu").isChecked()) && await us.getByTestId("talk-with-ukraine").isChecked(),
    "the EU stayed ticked after it walked away, or Ukraine was unticked");
  check((await us.getByTestId("talk-to").innerText()).includes("privately to Ukraine."), "the form does not name Ukraine alone after the EU walked away");
  console.log("a party that walks away is unticked and cannot be ticked again; the others stay");

  await thread(ukraine, "russia-us").click();
  await shot(ukraine, "talk-phone-before-end");
  await us.screenshot({ path: join(shots, "talk-wide.png") });
  await call("instruct", { token: created.instructorToken, gameId, command: { type: "end" } });
  await messages(ukraine).getByText("Second, still private.").waitFor();
  await messages(ukraine).getByText("First, privately.").waitFor();
  await ukraine.getByTestId("talk-status").getByText("2 messages of the other calls are now shown", { exact: false }).waitFor();
  check(await ukraine.getByTestId("talk-send").isDisabled(), "the Send button is still active after the end");
  await shot(ukraine, "talk-phone-revealed");
  console.log("when the game ends the other calls are revealed live, and talk closes");
});
await hub.stop();
