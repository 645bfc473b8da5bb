// The debrief's teaching views in Debian's headless Chromium, checked against getDebrief read over the hub: the
// two-party dance (its points are the two parties' offers at their utilities, it opens on the pair whose interests
// conflict most, and another pair can be chosen), chart labels that never cover one another as drawn, and the
// comparison's role tables and no-deal line.
// Usage: node debrief-teach.mjs <server url> <screenshot folder>. Exits non-zero on any failure.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { mostTellingPair } from "../../../src/NegotiationGame.Host/wwwroot/js/game/pairs.js";
import { launchChromium, openPage, runSteps } from "./headless.mjs";
import { connectHub, openAsInstructor } from "./session.mjs";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node debrief-teach.mjs <server url> <screenshot folder>");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const { call, invoke, stop } = await connectHub(base);
const failures = [];
const expect = (condition, failure) => { if (!condition) failures.push(failure); };
const close = (a, b) => Math.abs(a - b) < 0.01;

// Every pair of drawn labels of a chart, by the boxes the browser gives them: none may intersect.
const overlappingLabels = (page, testid) => page.getByTestId(testid).evaluate(chart => {
  const boxes = [...chart.querySelectorAll("text.dance-label, text.marker-label")].map(node => ({ text: node.textContent, box: node.getBBox() }));
  const clash = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    if (a.box.x < b.box.x + b.box.width && b.box.x < a.box.x + a.box.width && a.box.y < b.box.y + b.box.height && b.box.y < a.box.y + a.box.height) clash.push(`${a.text} / ${b.text}`);
  }));
  return clash;
});

const browser = await launchChromium();
await runSteps(browser, failures, async () => {
  const created = await call("createClass", { title: "Debrief seminar", games: 2, roundSeconds: 300 });
  const token = created.instructorToken;
  await call("startClass", { token, bots: "conceder" });
  for (const gameId of created.gameIds) {
    for (let round = 0; round < 8; round++) {
      const reply = await invoke("instruct", { token, gameId, command: { type: "processNow" } });
      if (!reply.ok) break; // the game has ended
    }
  }
  const gameId = created.gameIds[0];
  const debrief = await call("getDebrief", { token, gameId });
  const parties = debrief.scenario.parties.map(p => p.id);

  const page = await openPage(browser, failures, "debrief", { width: 1280, height: 900 });
  await openAsInstructor(page, base, created, "Debrief seminar");
  await page.goto(`${base}/#/debrief?game=${encodeURIComponent(gameId)}`);
  await page.getByTestId("pair-dance-chart").locator("svg").waitFor();

  const pair = [await page.getByTestId("pair-dance-a").inputValue(), await page.getByTestId("pair-dance-b").inputValue()];
  const telling = mostTellingPair(debrief.frontier, parties);
  expect(pair.join() === telling.join(), `the dance opens on ${pair.join(" and ")}, not on the most telling pair ${telling.join(" and ")}`);
  expect([await page.getByTestId("pareto-x").inputValue(), await page.getByTestId("pareto-y").inputValue()].join() === telling.join(), "the frontier view does not open on the most telling pair");

  const checkDance = async ([a, b]) => {
    const drawn = await page.getByTestId("pair-dance-chart").locator("circle.dance-point").evaluateAll(nodes => nodes.map(node => ({
      offerId: Number(node.getAttribute("data-offer")), across: Number(node.getAttribute("data-across")), up: Number(node.getAttribute("data-up")),
      cx: Number(node.getAttribute("cx")), cy: Number(node.getAttribute("cy")),
    })));
    const expected = debrief.offers.filter(o => o.proposer === a || o.proposer === b);
    expect(drawn.length === expected.length, `the dance of ${a} and ${b} draws ${drawn.length} points for ${expected.length} offers`);
    for (const offer of expected) {
      const point = drawn.find(d => d.offerId === offer.offerId);
      expect(point && close(point.across, offer.utilities[a]) && close(point.up, offer.utilities[b]),
        `offer #${offer.offerId} is drawn at ${point?.across}/${point?.up}, not at its utilities ${offer.utilities[a]}/${offer.utilities[b]}`);
    }
    // The positions are one linear map of the utilities: fit it on the extremes, then check every point.
    if (drawn.length >= 2) {
      const fit = key => { const [p, q] = [...drawn].sort((m, n) => m[key] - n[key]).filter((_, i, all) => i === 0 || i === all.length - 1); return v => p[key === "across" ? "cx" : "cy"] + (v - p[key]) * ((q[key === "across" ? "cx" : "cy"] - p[key === "across" ? "cx" : "cy"]) / ((q[key] - p[key]) || 1)); };
      const [fx, fy] = [fit("across"), fit("up")];
      expect(drawn.every(d => Math.abs(fx(d.across) - d.cx) < 0.5 && Math.abs(fy(d.up) - d.cy) < 0.5), "the dance's points are not where their utilities put them");
    }
  };
  await checkDance(pair);
  console.log(`the dance of ${pair.join(" and ")} draws each of their offers at its two utilities`);

  const other = [parties.find(p => !pair.includes(p)), pair[0]];
  await page.getByTestId("pair-dance-a").selectOption(other[0]);
  await page.getByTestId("pair-dance-b").selectOption(other[1]);
  await checkDance(other);
  console.log("another pair of parties can be chosen");

  for (const chart of ["pair-dance-chart", "pareto-chart"]) {
    const clash = await overlappingLabels(page, chart);
    expect(clash.length === 0, `labels of ${chart} overlap: ${clash.join(", ")}`);
  }
  console.log("no two labels of the dance or the frontier cover each other");
  await page.getByTestId("pair-dance").screenshot({ path: join(shots, "debrief-pair-dance.png") });

  await page.goto(`${base}/#/compare`);
  await page.getByTestId(`role-${parties[0]}`).waitFor();
  const debriefs = await Promise.all(created.gameIds.map(id => call("getDebrief", { token, gameId: id })));
  for (const party of parties) {
    const rows = await page.getByTestId(`role-${party}`).locator("tbody tr").evaluateAll(nodes => nodes.map(node => ({
      game: node.getAttribute("data-game"), cells: [...node.children].map(cell => cell.textContent.trim()) })));
    expect(rows.length === created.gameIds.length, `the ${party} table has ${rows.length} rows for ${created.gameIds.length} games`);
    rows.forEach((row, i) => {
      expect(row.game === created.gameIds[i], `the ${party} table's row ${i} is game ${row.game}`);
      expect(row.cells[2] === debriefs[i].outcome.scores[party].toFixed(1), `${party} in ${row.game} shows ${row.cells[2]}, not ${debriefs[i].outcome.scores[party].toFixed(1)}`);
      expect(row.cells[1].includes("bot (conceder)"), `${party} in ${row.game} is played by "${row.cells[1]}"`);
    });
  }
  console.log("each role is compared across the games of the class");
  const noDeal = Object.values(debrief.reservations).reduce((s, u) => s + u, 0);
  const line = await page.getByTestId("compare-chart").locator("[data-reference=no-deal] text").textContent();
  expect(line === `no deal ${noDeal.toFixed(1)}`, `the comparison's no-deal line says "${line}", not no deal ${noDeal.toFixed(1)}`);
  console.log("the comparison shows the no-deal total");
  await page.screenshot({ path: join(shots, "compare-roles.png"), fullPage: true });
});
await stop();
