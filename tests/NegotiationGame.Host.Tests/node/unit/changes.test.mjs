// What an offer changes (wwwroot/js/game/changes.js): against the offer it answers and against what binds now.
import assert from "node:assert/strict";
import { test } from "node:test";
import { changesFromBinding, packageChanges, previousOffer } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/changes.js";

const scenario = {
  id: "s", title: "S", publicBackground: "", rounds: 3, parties: [],
  issues: ["dates", "stage", "costs"].map(id => ({ id, name: id, noDeal: `${id}-none`, signatories: [], options: [] })),
};

test("the previous offer is the one countered, else the proposer's latest earlier offer", () => {
  const offers = new Map([
    [1, { offerId: 1, proposer: "a" }],
    [2, { offerId: 2, proposer: "b" }],
    [3, { offerId: 3, proposer: "a" }],
    [5, { offerId: 5, proposer: "a" }],
  ]);

  assert.equal(previousOffer(offers, { offerId: 4, proposer: "a", counterTo: 2 })?.offerId, 2);
  assert.equal(previousOffer(offers, { offerId: 4, proposer: "a", counterTo: null })?.offerId, 3);
  assert.equal(previousOffer(offers, { offerId: 2, proposer: "b" }), null);
});

test("lists the issues two offers differ on in the scenario's order, with issues left open as null", () => {
  const changes = packageChanges(scenario, { costs: "high", dates: "june" }, { stage: "big", dates: "july", costs: "high" });

  assert.deepEqual(changes, [
    { issueId: "dates", from: "june", to: "july" },
    { issueId: "stage", from: null, to: "big" },
  ]);
  assert.deepEqual(packageChanges(scenario, { costs: "low" }, {}), [{ issueId: "costs", from: "low", to: null }]);
});

test("against what binds, an unsettled issue starts from its no-deal option and an unchanged one is left out", () => {
  const changes = changesFromBinding(scenario, { dates: "june", stage: "big" }, { costs: "low", stage: "big", dates: "july" });

  assert.deepEqual(changes, [
    { issueId: "dates", from: "june", to: "july" },
    { issueId: "costs", from: "costs-none", to: "low" },
  ]);
  assert.deepEqual(changesFromBinding(scenario, {}, { costs: "costs-none" }), []);
});
