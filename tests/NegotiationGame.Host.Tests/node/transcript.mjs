// Opens a game's printable transcript in Debian's headless Chromium and checks it against the game's log read over
// the hub: one row per event in log order, the students named by seat, every message in full with its sender, and
// a printed page without the site's controls. Keeps a screenshot and the PDF the browser prints.
// Usage: node transcript.mjs <server url> <output folder>. Exits non-zero on any failure.
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { connectHub, openAsInstructor } from "./session.mjs";
import { launchChromium, openPage, runSteps } from "./headless.mjs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node transcript.mjs <server url> <output folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const { call, stop } = await connectHub(base);
const failures = [];
const expect = (condition, failure) => { if (!condition) failures.push(failure); };

const browser = await launchChromium();
await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "Graded seminar", games: 1, roundSeconds: 300 });
  const gameId = created.gameIds[0];
  const token = created.instructorToken;
  const code = created.joinCodes.find(c => c.gameId === gameId && c.partyId === "ukraine").code;
  const student = await call("joinClass", { classId: created.classId, code, name: "Ada Lovelace" });
  await call("startClass", { token, bots: "conceder" });
  const act = command => call("act", { token: student.token, commandId: crypto.randomUUID(), command });
  await act({ type: "statement", text: "Ukraine will not trade land for promises." });
  await act({ type: "message", channel: ["eu"], text: "Can Europe guarantee the ceasefire line?" });
  for (let round = 0; round < 3; round++) await call("instruct", { token, gameId, command: { type: "processNow" } });
  const log = (await call("getDebrief", { token, gameId })).events.map(e => ({ ...e, data: typeof e.data === "string" ? JSON.parse(e.data) : e.data }));

  const page = await openPage(browser, failures, "transcript", { width: 1280, height: 900 });
  await openAsInstructor(page, base, created, "Graded seminar");
  await page.goto(`${base}/#/transcript?game=${encodeURIComponent(gameId)}`);
  await page.getByTestId("transcript-lines").waitFor();

  const rows = await page.getByTestId("transcript-lines").locator("tbody tr").evaluateAll(nodes =>
    nodes.map(node => ({ sequence: Number(node.getAttribute("data-sequence")), cells: [...node.children].map(cell => cell.textContent.trim()) })));
  expect(rows.length === log.length, `the transcript has ${rows.length} rows for ${log.length} events`);
  expect(rows.every((row, index) => row.sequence === log[index]?.sequence), "the transcript's rows are not the log's events in order");
  for (const [index, e] of log.entries()) {
    const what = rows[index]?.cells[4] ?? "";
    if (e.type === "StatementMade" || e.type === "MessageSent") {
      expect(what.includes(e.data.text), `row ${e.sequence} leaves out the message "${e.data.text}"`);
      const sender = rows[index].cells[3];
      expect(e.data.party === "ukraine" ? sender === "Ukraine" : sender !== "", `row ${e.sequence} names "${sender}" as the sender`);
    }
    if (e.type === "MessageSent") expect(what.startsWith("Private"), `the private message at ${e.sequence} is not marked private`);
    if (e.type === "OfferTabled") expect(what.includes(`#${e.data.offerId}`), `row ${e.sequence} does not name offer #${e.data.offerId}`);
  }
  console.log(`the transcript lists the ${log.length} events of the log in order, messages in full`);

  const seat = (await page.getByTestId("transcript-seat-ukraine").innerText()).replace(/\s+/g, " ");
  expect(seat.includes("Ada Lovelace"), `the seats table says "${seat}" for Ukraine`);
  const bot = (await page.getByTestId("transcript-seat-us").innerText()).replace(/\s+/g, " ");
  expect(bot.includes("bot (conceder)"), `the seats table says "${bot}" for the US`);
  console.log("the transcript names the student of each seat and the bots");

  await page.screenshot({ path: join(shots, "transcript.png"), fullPage: true });
  await page.emulateMedia({ media: "print" });
  const hidden = await page.evaluate(() => ["header.topbar", "[data-testid=transcript-print]"].every(selector => {
    const node = document.querySelector(selector);
    return node !== null && !node.checkVisibility();
  }));
  expect(hidden, "the printed transcript shows the site's header or its buttons");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow <= 0, `the printed transcript is ${overflow} px wider than the page`);
  const pdf = join(shots, "transcript.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: false });
  expect(statSync(pdf).size > 10_000, "the printed PDF is nearly empty");
  console.log("the transcript prints without the site's controls");
});
await stop();
