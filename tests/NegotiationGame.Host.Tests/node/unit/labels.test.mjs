// Chart labels (wwwroot/js/charts/labels.js): whatever the marks, no two placed labels cover each other.
import assert from "node:assert/strict";
import { test } from "node:test";
import { labelBox, overlaps, placeLabels } from "../../../../src/NegotiationGame.Host/wwwroot/js/charts/labels.js";

const noTwoOverlap = placed => placed.every((l, i) => placed.slice(i + 1).every(other => !overlaps(labelBox(l), labelBox(other))));

// A seeded generator, so that the marks are the same on every run.
function marksOf(seed, count, optional) {
  let state = seed;
  const next = () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
  return Array.from({ length: count }, (_, i) => ({ x: 40 + next() * 60, y: 40 + next() * 60, text: `#${i + 1}`, gap: 6, optional }));
}

test("labels of points that coincide all show, moved apart", () => {
  const marks = ["Outcome", "Nash", "KS", "Max welfare", "No deal", "#12"].map(text => ({ x: 200, y: 200, text, gap: 7 }));

  const placed = placeLabels(marks, { width: 480 });

  assert.equal(placed.length, marks.length);
  assert.ok(noTwoOverlap(placed));
});

test("crowded labels that must show never cover one another", () => {
  for (const seed of [1, 2, 3]) assert.ok(noTwoOverlap(placeLabels(marksOf(seed, 40, false), { width: 480 })), `seed ${seed}`);
});

test("crowded optional labels are left out rather than piled up, and the rest never overlap", () => {
  const placed = placeLabels(marksOf(7, 40, true), { width: 480 });

  assert.ok(placed.length < 40);
  assert.ok(placed.length > 0);
  assert.ok(noTwoOverlap(placed));
});
