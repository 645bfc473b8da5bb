// Where the debrief replay's jumps land and the offers it shows at a position (wwwroot/js/game/replay-stops.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { jumpIndex, offersAt, STOPS } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/replay-stops.js";

const types = ["NegotiationStarted", "OfferTabled", "StatementMade", "OfferAccepted", "AgreementConcluded", "OfferTabled", "AgreementSigned"];
const data = [{}, { offerId: 1, proposer: "us", package: { minerals: "share-25" }, addressees: ["ukraine"] }, { party: "us", text: "hi" },
  { offerId: 1, party: "ukraine" }, { agreementId: 1, signatories: ["us", "ukraine"], bindingIssues: [] },
  { offerId: 2, proposer: "russia", package: { crimea: "frozen" }, addressees: ["us"] }, { agreementId: 1, party: "eu", newlyBindingIssues: ["minerals"] }];
const events = types.map((type, i) => ({ gameId: "g", sequence: i + 1, at: "2026-12-01T18:00:00Z", type, data: data[i] }));

test("a jump lands on the next or previous event of its kind, and stays put when there is none", () => {
  assert.equal(jumpIndex(events, 0, STOPS.offer, 1), 1);
  assert.equal(jumpIndex(events, 1, STOPS.offer, 1), 5);
  assert.equal(jumpIndex(events, 5, STOPS.offer, 1), 5);
  assert.equal(jumpIndex(events, 5, STOPS.offer, -1), 1);
  assert.equal(jumpIndex(events, 0, STOPS.agreement, 1), 4);
  assert.equal(jumpIndex(events, 4, STOPS.agreement, 1), 6);
  assert.equal(jumpIndex(events, 4, STOPS.agreement, -1), 4);
});

test("the offers at a position are those tabled so far, with their state at that moment", () => {
  assert.equal(offersAt(events, 0).size, 0);
  assert.deepEqual([...offersAt(events, 3).values()].map(o => [o.offerId, o.status, o.acceptedBy]), [[1, "open", ["us", "ukraine"]]]);
  const later = offersAt(events, 6);
  assert.deepEqual([later.get(1).status, later.get(1).binding, later.get(2).status], ["agreement", ["minerals"], "open"]);
});
