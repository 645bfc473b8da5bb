// What accepting or signing would bind and score (wwwroot/js/game/outcome.js), on a three-party scenario.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bindingPackage, packageScore, previewAccept, previewSign, requiredSignatories } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/outcome.js";

const option = (id, alsoRequires = []) => ({ id, label: id.toUpperCase(), alsoRequires });
const scenario = {
  id: "s", title: "S", publicBackground: "", rounds: 3,
  parties: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
  issues: [
    { id: "x", name: "X", noDeal: "x0", signatories: ["a", "b"], options: [option("x0"), option("x1")] },
    { id: "y", name: "Y", noDeal: "y0", signatories: ["a", "b", "c"], options: [option("y0"), option("y1")] },
    { id: "z", name: "Z", noDeal: "z0", signatories: ["b"], options: [option("z0"), option("z1"), option("z2", ["c"])] },
  ],
};
// B's profile: 50 % on x, 30 % on y, 20 % on z.
const profile = {
  weights: { x: 50, y: 30, z: 20 },
  values: { x: { x0: 100, x1: 20 }, y: { y0: 0, y1: 100 }, z: { z0: 50, z1: 100, z2: 0 } },
  reservation: 50,
};
const settled = (issueId, optionId, agreementId, binding, signatories, stillMustSign = []) => ({ issueId, optionId, agreementId, binding, signatories, stillMustSign });

test("scores open issues at their no-deal option and names who must sign an option", () => {
  assert.equal(packageScore(profile, scenario, {}), 50 + 0 + 10);
  assert.equal(packageScore(profile, scenario, { x: "x1", y: "y1" }), 10 + 30 + 10);
  assert.deepEqual(requiredSignatories(scenario, "z", "z2"), ["b", "c"]);
  assert.deepEqual(bindingPackage([settled("x", "x1", 1, true, ["a", "b"]), settled("y", "y1", 1, false, ["a", "b"], ["c"])]), { x: "x1" });
});

test("an acceptance that completes the addressees binds the issues whose signatories all accepted, and says the score drops below the reservation", () => {
  const offer = { proposer: "a", addressees: ["b"], acceptedBy: ["a"], package: { y: "y1", x: "x1" } };

  const result = previewAccept({ scenario, profile, settlements: [], me: "b", offer });

  assert.equal(result.concludes, true);
  assert.deepEqual(result.binds, [["x", "x1"]]);
  assert.deepEqual(result.provisional, [["y", "y1"]]);
  assert.equal(result.scoreBefore, 60);
  assert.equal(result.scoreAfter, 10 + 0 + 10);
  assert.equal(result.belowReservation, true);
});

test("an acceptance that leaves addressees out concludes nothing and binds nothing", () => {
  const offer = { proposer: "a", addressees: ["b", "c"], acceptedBy: ["a"], package: { x: "x1" } };

  const result = previewAccept({ scenario, profile, settlements: [], me: "b", offer });

  assert.equal(result.concludes, false);
  assert.deepEqual(result.waitingFor, ["c"]);
  assert.deepEqual(result.binds, []);
  assert.equal(result.changesBinding, false);
  assert.equal(result.belowReservation, false);
});

test("changing what an earlier agreement settled waits for its signatories, and a provisional new option unbinds the old one", () => {
  const settlements = [settled("y", "y1", 1, true, ["a", "b", "c"])];
  const offer = { proposer: "a", addressees: ["b"], acceptedBy: ["a"], package: { y: "y0", z: "z1" } };

  const waiting = previewAccept({ scenario, profile, settlements, me: "b", offer });
  const withC = previewAccept({ scenario, profile, settlements, me: "b", offer: { ...offer, acceptedBy: ["a", "c"] } });
  const amended = previewAccept({ scenario, profile, settlements: [settled("y", "y1", 1, false, ["a", "b"], ["c"])], me: "b",
    offer: { proposer: "a", addressees: ["b"], acceptedBy: ["a"], package: { y: "y0" } } });

  assert.deepEqual(waiting.waitingFor, ["c"]);
  assert.deepEqual(withC.binds, [["y", "y0"], ["z", "z1"]]);
  assert.equal(withC.scoreAfter, 50 + 0 + 20);
  assert.deepEqual(amended.provisional, [["y", "y0"]]);
  assert.deepEqual(amended.bindingAfter, {});
});

test("agreeing again on what binds only adds signatures, and an option's alsoRequires keeps it provisional", () => {
  const settlements = [settled("x", "x1", 1, true, ["a", "b"])];
  const offer = { proposer: "a", addressees: ["b"], acceptedBy: ["a"], package: { x: "x1", z: "z2" } };

  const result = previewAccept({ scenario, profile, settlements, me: "b", offer });

  assert.deepEqual(result.binds, []);
  assert.deepEqual(result.provisional, [["z", "z2"]]);
  assert.equal(result.changesBinding, false);
});

test("a signature binds the agreement's issues that wait for nobody else", () => {
  const settlements = [
    settled("x", "x1", 2, false, ["a"], ["b"]),
    settled("y", "y1", 2, false, ["a"], ["b", "c"]),
    settled("z", "z1", 1, false, ["a"], ["b"]),
  ];

  const result = previewSign({ scenario, profile, settlements, me: "b", agreementId: 2 });

  assert.deepEqual(result.binds, [["x", "x1"]]);
  assert.deepEqual(result.provisional, [["y", "y1"]]);
  assert.equal(result.scoreAfter, 10 + 0 + 10);
  assert.equal(result.belowReservation, true);
  assert.equal(previewSign({ scenario, profile, settlements, me: "b", agreementId: 1 }).scoreAfter, 50 + 0 + 20);
});
