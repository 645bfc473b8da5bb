// The web UI moving to another node by itself, in Debian's headless Chromium. A student page, a spectator page and
// the instructor's page are opened from the first node; that node is SIGKILLed mid-game; while the pages look for
// another node, the US (a plain SignalR client on a survivor) tables an offer and speaks; the pages reconnect, show
// those events, the student accepts the offer, and the instructor downloads the class summary from the node the page
// is on now. Prints one line per step and, last, "result <json>" with what each page's feed holds.
// Usage: node webmove.mjs <node urls, comma-separated, the one to kill first> <its process id>
import { chromium } from "playwright-core";
import * as signalR from "@microsoft/signalr";
import { readFile } from "node:fs/promises";

const [list, victimPid] = process.argv.slice(2);
if (!list || !victimPid) {
  console.error("usage: node webmove.mjs <node urls, the one to kill first> <its process id>");
  process.exit(2);
}
const [victim, ...survivors] = list.split(",");
const survivorHosts = survivors.map((url) => new URL(url).host);
const WAIT_MS = 60000;

const backstage = new signalR.HubConnectionBuilder().withUrl(`${survivors[0]}/hubs/game`).configureLogging(signalR.LogLevel.Error).build();
await backstage.start();
// While the killed node's grains are placed again, a call may meet ServerError or Conflict: send it again (a command
// with the same commandId, as docs/protocol.md says), within a bound.
const call = async (method, request) => {
  const giveUpAt = Date.now() + WAIT_MS;
  for (;;) {
    const result = await backstage.invoke(method, request);
    if (result.ok) return result;
    if (!["ServerError", "Conflict"].includes(result.error.code) || Date.now() > giveUpAt) {
      throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};
const act = (token, command) => call("act", { token, commandId: crypto.randomUUID(), command });

const created = await call("createClass", { title: "Web move", scenario: "ukraine-2025", games: 1, briefingSeconds: 3600, roundSeconds: 600, spectatorDelaySeconds: 0 });
const gameId = created.gameIds[0];
const codeOf = (party) => created.joinCodes.find((code) => code.gameId === gameId && code.partyId === party).code;
const us = (await call("joinClass", { classId: created.classId, code: codeOf("us"), name: "US on a survivor" })).token;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
const pages = new Map();
const consoleErrors = []; // the SignalR client logs each lost connection: expected here, shown only on a failure

// Each page's WebSockets to the survivors wait at this gate until the events "meanwhile" have happened, so that the
// page must catch them up by sequence rather than receive them pushed.
let openGate;
const gate = new Promise((resolve) => { openGate = resolve; });
const open = async (name) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, acceptDownloads: true });
  await context.routeWebSocket((url) => survivorHosts.includes(url.host), async (socket) => {
    await gate;
    socket.connectToServer();
  });
  const page = await context.newPage();
  pages.set(name, page);
  page.on("pageerror", (error) => failures.push(`${name}: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(`${name} console: ${message.text()}`));
  page.setDefaultTimeout(WAIT_MS);
  return page;
};
const status = (page) => page.getByTestId("connection-status");
const feedSequences = (page) => page.getByTestId("feed").evaluate((feed) => [...feed.children].map((item) => Number(item.dataset.sequence)).reverse());
const waitForStatus = (page, pattern) => page.waitForFunction(
  (source) => new RegExp(source).test(document.querySelector("[data-testid='connection-status']")?.textContent ?? ""), pattern.source);

let result = null;
try {
  const student = await open("student");
  await student.goto(`${victim}/#/join?class=${encodeURIComponent(created.classId)}&code=${encodeURIComponent(codeOf("ukraine"))}`);
  await student.getByTestId("join-name").fill("Student in Chromium");
  await student.getByTestId("join-submit").click();
  await student.waitForURL(/#\/play/);
  await call("startClass", { token: created.instructorToken, bots: "boulware" });
  await call("instruct", { token: created.instructorToken, gameId, command: { type: "startNegotiation" } });

  const spectator = await open("spectator");
  await spectator.goto(`${victim}/#/watch?game=${encodeURIComponent(gameId)}&token=${encodeURIComponent(created.spectatorTokens[gameId])}`);
  const instructor = await open("instructor");
  const saved = { classId: created.classId, instructorToken: created.instructorToken, title: "Web move" };
  await instructor.goto(`${victim}/#/instructor?link=${encodeURIComponent(JSON.stringify(saved))}`);
  await instructor.getByTestId("class-id").waitFor();
  await instructor.goto(`${victim}/#/compare`);

  const before = "Before the node goes.";
  await act(us, { type: "statement", text: before });
  for (const page of [student, spectator]) await page.getByTestId("feed").getByText(before, { exact: false }).waitFor();
  for (const page of [student, spectator, instructor]) await waitForStatus(page, /^Live$/);
  console.log("three pages live on the first node");

  process.kill(Number(victimPid), "SIGKILL");
  for (const page of [student, spectator, instructor]) await waitForStatus(page, /^Reconnecting… trying /);
  console.log(`the pages say: ${(await status(student).textContent()).trim()}`);

  const tabled = await act(us, { type: "table", package: { minerals: "share-25", security: "written" }, addressees: ["ukraine"] });
  const meanwhile = "Said while the pages were away.";
  const said = await act(us, { type: "statement", text: meanwhile });
  const { events } = await call("watch", { token: us, gameId, afterSequence: 0 });
  const dataOf = (e) => (typeof e.data === "string" ? JSON.parse(e.data) : e.data);
  const offer = events.find((e) => e.type === "OfferTabled" && dataOf(e).proposer === "us");
  const offerId = dataOf(offer).offerId;
  console.log(`meanwhile: offer #${offerId} at ${offer.sequence}, a statement by ${said.lastSequence}`);
  openGate();

  const movedTo = new RegExp(`^Live · moved to ${survivorHosts[0].replace(/\./g, "\\.")}$`);
  for (const page of [student, spectator, instructor]) await waitForStatus(page, movedTo);
  console.log(`the pages say: ${(await status(student).textContent()).trim()}`);

  for (const page of [student, spectator]) await page.getByTestId("feed").getByText(meanwhile, { exact: false }).waitFor();
  student.once("dialog", (dialog) => dialog.accept()); // binding it leaves Ukraine below its reservation value
  await student.getByTestId(`accept-${offerId}`).click();
  await student.getByTestId("feed").getByText(`Ukraine accepted offer #${offerId}`, { exact: false }).waitFor();
  console.log(`the student accepted offer #${offerId} on the new node`);

  // The page asks again while the class's grain is placed anew, for up to a minute.
  const downloading = instructor.waitForEvent("download", { timeout: 2 * WAIT_MS });
  await instructor.getByTestId("export-csv").click();
  const download = await downloading;
  const csv = await readFile(await download.path(), "utf8");
  if (!csv.includes(gameId)) throw new Error(`the summary does not name ${gameId}:\n${csv}`);
  console.log(`the summary came from ${new URL(download.url()).host}`);

  await call("instruct", { token: created.instructorToken, gameId, command: { type: "end" } });
  for (const page of [student, spectator]) await page.locator("[data-testid='feed'] .type-GameEnded").waitFor();
  result = {
    gameId, offerId, offerSequence: offer.sequence, tabledBy: tabled.lastSequence,
    student: await feedSequences(student), spectator: await feedSequences(spectator),
  };
} catch (error) {
  failures.push(String(error?.stack ?? error));
  // What each page showed when the step failed, to tell a page that never connected from one that missed an event.
  failures.push(...consoleErrors);
  for (const [name, page] of pages) {
    const shown = await page.evaluate(() => document.body.innerText.slice(0, 1500)).catch((reason) => String(reason));
    failures.push(`--- ${name} at ${page.url()}:\n${shown}`);
  }
} finally {
  await browser.close();
  await backstage.stop();
}

if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log(`result ${JSON.stringify(result)}`);
