// The transcript's lines (wwwroot/js/game/transcript.js): one per event in log order, each with its round and actor.
import assert from "node:assert/strict";
import { test } from "node:test";
import { scenarioNames } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/names.js";
import { transcriptLines } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/transcript.js";

const names = scenarioNames({
  id: "s", title: "S", publicBackground: "", rounds: 3,
  parties: [{ id: "us", name: "United States" }, { id: "ukraine", name: "Ukraine" }],
  issues: [{ id: "minerals", name: "Minerals", group: "economy", description: "", noDeal: "none", signatories: [], options: [{ id: "share-50", label: "Half the revenue" }] }],
});
let sequence = 0;
const event = (type, data = {}) => ({ gameId: "g", sequence: ++sequence, at: `2026-12-01T18:00:${String(sequence).padStart(2, "0")}Z`, type, data });

test("numbers the rounds as the clock moves, names who acted, and tells private messages apart", () => {
  const log = [
    event("BriefingStarted"),
    event("NegotiationStarted"),
    event("OfferTabled", { offerId: 1, proposer: "us", package: { minerals: "share-50" }, addressees: ["ukraine"] }),
    event("RoundAdvanced", { round: 2 }),
    event("MessageSent", { party: "ukraine", channel: ["us"], text: "Not half." }),
    event("NewsInjected", { headline: "Talks move", body: "" }),
  ];

  const lines = transcriptLines(log, names);

  assert.deepEqual(lines.map(l => l.sequence), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(lines.map(l => l.round), [0, 1, 1, 2, 2, 2]);
  assert.deepEqual(lines.map(l => l.actor), [null, null, "us", null, "ukraine", null]);
  assert.deepEqual(lines.map(l => l.kind), ["clock", "clock", "offer", "clock", "private", "news"]);
  assert.equal(lines[2].text, "United States tabled offer #1 to Ukraine: Minerals → Half the revenue");
  assert.equal(lines[4].text, "Ukraine to United States (private): “Not half.”");
});
