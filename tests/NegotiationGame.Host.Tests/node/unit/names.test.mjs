// How the web UI names a package (wwwroot/js/game/names.js): the scenario's names, issues in the scenario's order.
import assert from "node:assert/strict";
import { test } from "node:test";
import { describePackage, plainNames, scenarioNames, termsInOrder } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/names.js";

const scenario = {
  id: "s", title: "S", publicBackground: "", rounds: 3, parties: [{ id: "a", name: "Alpha" }],
  issues: ["dates", "stage", "costs"].map(id => ({ id, name: `The ${id}`, noDeal: "none", signatories: ["a"], options: [{ id: "x", label: `${id} X` }] })),
};

test("lists a package's terms in the scenario's order of issues, whatever order its keys came in", () => {
  const names = scenarioNames(scenario);
  const pkg = { costs: "x", dates: "x", stage: "x" };

  assert.deepEqual(termsInOrder(pkg, names).map(([issue]) => issue), ["dates", "stage", "costs"]);
  assert.equal(describePackage(pkg, names), "The dates → dates X; The stage → stage X; The costs → costs X");
});

test("puts an issue the scenario does not know after the known ones, and keeps the keys' order before any scenario", () => {
  const pkg = { other: "y", stage: "x" };

  assert.deepEqual(termsInOrder(pkg, scenarioNames(scenario)).map(([issue]) => issue), ["stage", "other"]);
  assert.deepEqual(termsInOrder(pkg, plainNames).map(([issue]) => issue), ["other", "stage"]);
  assert.equal(describePackage({}, plainNames), "nothing");
});
