// @ts-check
// The negotiation dance: every party's utility of each offer, in the order the offers were tabled.

import { h } from "../ui/dom.js";
import { points } from "../ui/format.js";
import { axisTitles, chartRoot, dashedLine, horizontalGrid, linear, svg, tooltip } from "./svg.js";

export function danceChartOrNote(ctx, compact) {
  return ctx.offers.length ? danceChart(ctx, compact) : h("p", { class: "muted", text: "No offer was tabled in this game." });
}

function danceChart(ctx, compact) {
  const { offers, scenario, colours, names, reservations } = ctx;
  const width = compact ? 420 : 960;
  const height = compact ? 300 : 380;
  const box = { left: 40, right: width - 12, top: 12, bottom: height - 44 };
  const n = offers.length;
  const inset = 10;
  const x = n === 1 ? () => (box.left + box.right) / 2 : linear(0, n - 1, box.left + inset, box.right - inset);
  const y = linear(0, 100, box.bottom, box.top);
  // Label only every k-th offer so that the labels never overlap.
  const every = Math.ceil(n / Math.max(1, Math.floor((box.right - box.left) / 34)));
  const xLabels = offers.map((o, i) => (i % every === 0
    ? svg("text", { class: "tick-label", x: x(i), y: box.bottom + 16, "text-anchor": "middle", text: `#${o.offerId}` })
    : null));
  const parties = scenario.parties;
  return chartRoot(width, height, `Utilities of the ${n} offers for every party`,
    horizontalGrid(box, y, [0, 25, 50, 75, 100]),
    xLabels,
    axisTitles(box, "Offers in the order tabled", "Utility"),
    parties.filter(p => typeof reservations[p.id] === "number").map(p =>
      dashedLine(box.left, y(reservations[p.id]), box.right, y(reservations[p.id]), colours.get(p.id), `${p.name}: reservation value ${points(reservations[p.id])}`)),
    parties.map(p => svg("polyline", {
      fill: "none", stroke: colours.get(p.id), "stroke-width": 2, "stroke-linejoin": "round",
      points: offers.map((o, i) => `${x(i)},${y(o.utilities?.[p.id] ?? 0)}`).join(" "),
    }, tooltip(p.name))),
    parties.map(p => offers.map((o, i) => svg("circle", {
      class: "point", cx: x(i), cy: y(o.utilities?.[p.id] ?? 0), r: 4,
      fill: colours.get(o.proposer), stroke: colours.get(p.id), "stroke-width": 1.5,
    }, tooltip(`Offer #${o.offerId} by ${names.party(o.proposer)} · round ${o.round} · ${o.status}\n${p.name}: ${points(o.utilities?.[p.id])}`)))));
}
