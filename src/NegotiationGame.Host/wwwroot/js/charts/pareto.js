// @ts-check
// The Pareto frontier projected onto two chosen parties, with the offers, Nash, Kalai–Smorodinsky and the outcome.

import { mostTellingPair } from "../game/pairs.js";
import { field, h } from "../ui/dom.js";
import { points } from "../ui/format.js";
import { placeLabels } from "./labels.js";
import { axisTitles, chartRoot, dashedLine, horizontalGrid, isCompact, legendItem, linear, svg, tooltip, verticalGrid } from "./svg.js";

export function buildPareto(root, ctx) {
  const { parties } = ctx.scenario;
  const xSelect = field(root, "paretoX");
  const ySelect = field(root, "paretoY");
  for (const select of [xSelect, ySelect]) select.replaceChildren(...parties.map(p => h("option", { value: p.id, text: p.name })));
  // The view opens on the two parties whose interests pull hardest against each other, where trade-offs show best.
  [xSelect.value, ySelect.value] = mostTellingPair(ctx.debrief.frontier ?? [], parties.map(p => p.id));
  field(root, "paretoCaption").textContent = `Grey dots: the Pareto frontier of all ${parties.length} parties, shown projected onto the two chosen, `
    + "so a dot inside the cloud can still be optimal once the other parties count. Dashed lines: the two reservation values. "
    + "It opens on the two parties whose interests conflict most on the frontier.";
  field(root, "paretoLegend").replaceChildren(
    ...parties.map(p => legendItem(ctx.colours.get(p.id), `offer by ${p.name}`, "dot")),
    legendItem("#b6bcc8", "frontier", "dot"));
  const draw = () => {
    const node = field(root, "pareto");
    node.replaceChildren(paretoChart(ctx, xSelect.value, ySelect.value, isCompact(node)));
  };
  xSelect.addEventListener("change", draw);
  ySelect.addEventListener("change", draw);
  draw();
  return draw;
}

// Thousands of frontier points collapse onto far fewer distinct dots once projected; drawing each once keeps the SVG light.
function projectedFrontier(frontier, xp, yp) {
  const seen = new Map();
  for (const point of frontier) {
    const key = `${Math.round(point[xp] * 2)}:${Math.round(point[yp] * 2)}`;
    if (!seen.has(key)) seen.set(key, point);
  }
  return [...seen.values()];
}

// Also the player's end screen draws one pair with it (pages/player/end-screen.js).
export function paretoChart(ctx, xp, yp, compact) {
  const { debrief, names, colours } = ctx;
  const size = compact ? 360 : 480;
  const box = { left: 50, right: size - 16, top: 16, bottom: size - 44 };
  const x = linear(0, 100, box.left, box.right);
  const y = linear(0, 100, box.bottom, box.top);
  /** @type {(utilities: Record<string, number>) => [number, number]} */
  const at = utilities => [x(utilities[xp] ?? 0), y(utilities[yp] ?? 0)];
  const ticks = [0, 20, 40, 60, 80, 100];
  const specials = [
    { point: debrief.nash, text: "Nash", shape: "diamond" },
    { point: debrief.kalaiSmorodinsky, text: "KS", shape: "triangle" },
    { point: debrief.maxWelfare, text: "Max welfare", shape: "square" },
  ].filter(s => s.point?.utilities);
  const outcome = debrief.outcome?.utilities;
  const mark = ([x, y], text, gap) => ({ x, y, text, gap });
  const labels = placeLabels([
    outcome && mark(at(outcome), "Outcome", 11),
    ...specials.map(s => mark(at(s.point.utilities), s.text, 7)),
  ].filter(Boolean), { width: size });

  return chartRoot(size, size, `Pareto frontier for ${names.party(xp)} and ${names.party(yp)}`,
    horizontalGrid(box, y, ticks),
    verticalGrid(box, x, ticks),
    axisTitles(box, `${names.party(xp)} utility`, `${names.party(yp)} utility`),
    projectedFrontier(debrief.frontier ?? [], xp, yp).map(point => {
      const [cx, cy] = at(point);
      return svg("circle", { class: "frontier", cx, cy, r: 1.8 });
    }),
    reservationLines(box, x, y, ctx, xp, yp),
    ctx.offers.map(o => {
      const [cx, cy] = at(o.utilities ?? {});
      return svg("circle", { cx, cy, r: 5, fill: colours.get(o.proposer), stroke: "#fff", "stroke-width": 1, class: "point" },
        tooltip(`Offer #${o.offerId} by ${names.party(o.proposer)} · ${o.status}\n${names.party(xp)} ${points(o.utilities?.[xp])}, ${names.party(yp)} ${points(o.utilities?.[yp])}`));
    }),
    specials.map(s => specialMarker(at(s.point.utilities), s, names, xp, yp)),
    outcome && svg("circle", { class: "outcome-ring", cx: at(outcome)[0], cy: at(outcome)[1], r: 10, fill: "none", stroke: "#111827", "stroke-width": 2.5 },
      tooltip(`Outcome: ${names.party(xp)} ${points(outcome[xp])}, ${names.party(yp)} ${points(outcome[yp])}`)),
    labels.map(l => svg("text", { class: "marker-label", x: l.x, y: l.y, "text-anchor": l.anchor, text: l.text })));
}

export function reservationLines(box, x, y, ctx, xp, yp) {
  const { reservations, colours, names } = ctx;
  return [
    typeof reservations[xp] === "number" && dashedLine(x(reservations[xp]), box.top, x(reservations[xp]), box.bottom, colours.get(xp),
      `${names.party(xp)}: reservation value ${points(reservations[xp])}`),
    typeof reservations[yp] === "number" && dashedLine(box.left, y(reservations[yp]), box.right, y(reservations[yp]), colours.get(yp),
      `${names.party(yp)}: reservation value ${points(reservations[yp])}`),
  ];
}

function specialMarker([cx, cy], special, names, xp, yp) {
  const r = 6;
  const shapes = {
    diamond: `${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`,
    triangle: `${cx},${cy - r} ${cx + r},${cy + r * 0.8} ${cx - r},${cy + r * 0.8}`,
    square: `${cx - r * 0.8},${cy - r * 0.8} ${cx + r * 0.8},${cy - r * 0.8} ${cx + r * 0.8},${cy + r * 0.8} ${cx - r * 0.8},${cy + r * 0.8}`,
  };
  const u = special.point.utilities;
  return svg("polygon", { class: "special", points: shapes[special.shape], fill: "#111827", stroke: "#fff", "stroke-width": 1 },
    tooltip(`${special.text}: ${names.party(xp)} ${points(u[xp])}, ${names.party(yp)} ${points(u[yp])}`));
}
