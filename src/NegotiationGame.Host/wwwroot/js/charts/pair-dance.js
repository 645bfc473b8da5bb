// @ts-check
// The classic two-party negotiation dance: each of two parties' offers, in order, in the plane of their two utilities,
// with the frontier of that pair, their reservation values (what each scores with no deal) and the outcome.

import { mostTellingPair, pairDance, pairFrontier } from "../game/pairs.js";
import { h } from "../ui/dom.js";
import { points } from "../ui/format.js";
import { placeLabels } from "./labels.js";
import { reservationLines } from "./pareto.js";
import { axisTitles, chartRoot, horizontalGrid, isCompact, legendItem, linear, redrawOnCompactChange, svg, tooltip, verticalGrid } from "./svg.js";

/**
 * The debrief's section: two party pickers and the chart, opened on the pair whose interests conflict most. `draw`
 * redraws it from ctx.offers, which the replay cuts to the offers tabled up to its position.
 * @returns {{ node: HTMLElement, draw: () => void }}
 */
export function buildPairDance(ctx) {
  const { parties } = ctx.scenario;
  const picker = (label, testid) => h("select", { "aria-label": label, testid }, ...parties.map(p => h("option", { value: p.id, text: p.name })));
  const first = picker("First party", "pair-dance-a");
  const second = picker("Second party", "pair-dance-b");
  [first.value, second.value] = mostTellingPair(ctx.debrief.frontier ?? [], parties.map(p => p.id));
  const chart = h("div", { class: "chart-box pareto-box", testid: "pair-dance-chart" });
  const legend = h("ul", { class: "legend" });
  const draw = () => {
    chart.replaceChildren(pairDanceChart(ctx, first.value, second.value, isCompact(chart)));
    legend.replaceChildren(
      legendItem(ctx.colours.get(first.value), `offers by ${ctx.names.party(first.value)}, in order`),
      legendItem(ctx.colours.get(second.value), `offers by ${ctx.names.party(second.value)}, in order`),
      legendItem("#b6bcc8", "offers by the others", "dot"),
      legendItem("#5d6677", "best the two can do for each other"));
  };
  first.addEventListener("change", draw);
  second.addEventListener("change", draw);
  const section = h("section", { class: "card", "aria-labelledby": "pair-dance-title", testid: "pair-dance" },
    h("h2", { id: "pair-dance-title", text: "Two parties' dance" }),
    h("p", { class: "muted", text: "How two parties moved towards each other: each one's offers in the order tabled, worth what to the one across and what up." }),
    h("div", { class: "row wrap" }, h("label", { class: "inline" }, "Across ", first), h("label", { class: "inline" }, "Up ", second)),
    h("figure", { class: "chart-figure" }, chart,
      h("figcaption", { class: "hint", text: "The grey line is the frontier of the two: no agreement gives both more at once. "
        + "Dashed lines are their reservation values, which they score if nothing binds; the ring is the outcome." })),
    legend);
  // Drawn once the section is in the page, so that it knows its width.
  queueMicrotask(() => { draw(); redrawOnCompactChange(chart, draw); });
  return { node: section, draw };
}

/**
 * @param {any} ctx the debrief's context (debrief, scenario, names, colours, reservations, offers)
 * @param {string} a the party across
 * @param {string} b the party up
 * @param {boolean} compact
 */
export function pairDanceChart(ctx, a, b, compact) {
  const { debrief, names, colours, offers } = ctx;
  const size = compact ? 360 : 480;
  const box = { left: 50, right: size - 16, top: 16, bottom: size - 44 };
  const x = linear(0, 100, box.left, box.right);
  const y = linear(0, 100, box.bottom, box.top);
  const ticks = [0, 20, 40, 60, 80, 100];
  const paths = pairDance(offers, a, b);
  const envelope = pairFrontier(debrief.frontier ?? [], a, b);
  const outcome = debrief.outcome?.utilities;
  const dancers = a === b ? [a] : [a, b];
  // Each party's first and last offers are always numbered; the ones between where there is room.
  const ends = dancers.flatMap(p => [paths[p][0], paths[p][paths[p].length - 1]]).filter(Boolean);
  const between = dancers.flatMap(p => paths[p].slice(1, -1));
  const labels = placeLabels([...new Set(ends)].map(o => ({ x: x(o.a), y: y(o.b), text: `#${o.offerId}`, gap: 6 }))
    .concat(between.map(o => ({ x: x(o.a), y: y(o.b), text: `#${o.offerId}`, gap: 6, optional: true }))), { width: size });

  return chartRoot(size, size, `The offers of ${names.party(a)} and ${names.party(b)} in the plane of their two utilities`,
    horizontalGrid(box, y, ticks),
    verticalGrid(box, x, ticks),
    axisTitles(box, `${names.party(a)} utility`, `${names.party(b)} utility`),
    envelope.length > 1 && svg("polyline", { class: "pair-frontier", fill: "none", stroke: "#5d6677", "stroke-width": 1.5,
      points: envelope.map(p => `${x(p.a)},${y(p.b)}`).join(" ") }, tooltip(`The best ${names.party(a)} and ${names.party(b)} can do for each other`)),
    reservationLines(box, x, y, ctx, a, b),
    offers.filter(o => !dancers.includes(o.proposer)).map(o => svg("circle", { class: "frontier", cx: x(o.utilities?.[a] ?? 0), cy: y(o.utilities?.[b] ?? 0), r: 3 },
      tooltip(`Offer #${o.offerId} by ${names.party(o.proposer)}`))),
    dancers.map(p => svg("polyline", { fill: "none", stroke: colours.get(p), "stroke-width": 2, "stroke-linejoin": "round",
      points: paths[p].map(o => `${x(o.a)},${y(o.b)}`).join(" ") })),
    dancers.map(p => paths[p].map((o, i) => svg("circle", {
      class: "point dance-point", cx: x(o.a), cy: y(o.b), r: i === paths[p].length - 1 ? 6 : 4.5, fill: colours.get(p), stroke: "#fff", "stroke-width": 1,
      "data-offer": o.offerId, "data-across": o.a, "data-up": o.b,
    }, tooltip(`Offer #${o.offerId} by ${names.party(p)}\n${names.party(a)} ${points(o.a)}, ${names.party(b)} ${points(o.b)}`)))),
    outcome && svg("circle", { class: "outcome-ring", cx: x(outcome[a] ?? 0), cy: y(outcome[b] ?? 0), r: 10, fill: "none", stroke: "#111827", "stroke-width": 2.5 },
      tooltip(`Outcome: ${names.party(a)} ${points(outcome[a])}, ${names.party(b)} ${points(outcome[b])}`)),
    labels.map(l => svg("text", { class: "tick-label dance-label", x: l.x, y: l.y, "text-anchor": l.anchor, text: l.text })));
}
