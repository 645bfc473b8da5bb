// Two parties of a debrief at a time (wwwroot/js/game/pairs.js): their frontier, the pair to open on, and their dance.
import assert from "node:assert/strict";
import { test } from "node:test";
import { correlation, mostTellingPair, pairDance, pairFrontier } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/pairs.js";

// Four outcomes of three parties: x and y pull against each other, z cares little either way.
const frontier = [
  { x: 90, y: 10, z: 50 },
  { x: 60, y: 60, z: 70 },
  { x: 50, y: 40, z: 60 }, // beaten by the one above for x and y alike
  { x: 20, y: 85, z: 50 },
];

test("the pair's frontier keeps only the outcomes nothing beats for both, from the best for the first", () => {
  assert.deepEqual(pairFrontier(frontier, "x", "y"), [{ a: 90, b: 10 }, { a: 60, b: 60 }, { a: 20, b: 85 }]);
});

test("a pair whose gains go together has a frontier of one point", () => {
  const together = [{ x: 90, y: 10, z: 80 }, { x: 60, y: 60, z: 55 }, { x: 20, y: 85, z: 30 }];

  assert.deepEqual(pairFrontier(together, "x", "z"), [{ a: 90, b: 80 }]);
});

test("the most telling pair is the one whose utilities pull hardest against each other", () => {
  assert.ok(correlation(frontier, "x", "y") < -0.9);
  assert.ok(Math.abs(correlation(frontier, "x", "z")) < 0.1);
  assert.deepEqual(mostTellingPair(frontier, ["x", "y", "z"]), ["x", "y"]);
});

test("with no frontier to tell them apart, the first two parties are the pair", () => {
  assert.deepEqual(mostTellingPair([], ["x", "y", "z"]), ["x", "y"]);
});

test("the dance follows each of the two parties' own offers in order, in their two utilities", () => {
  const offers = [
    { offerId: 1, proposer: "x", utilities: { x: 95, y: 5, z: 1 } },
    { offerId: 2, proposer: "y", utilities: { x: 10, y: 90, z: 1 } },
    { offerId: 3, proposer: "z", utilities: { x: 50, y: 50, z: 99 } },
    { offerId: 4, proposer: "x", utilities: { x: 70, y: 40, z: 1 } },
  ];

  assert.deepEqual(pairDance(offers, "x", "y"), {
    x: [{ offerId: 1, a: 95, b: 5 }, { offerId: 4, a: 70, b: 40 }],
    y: [{ offerId: 2, a: 10, b: 90 }],
  });
});
