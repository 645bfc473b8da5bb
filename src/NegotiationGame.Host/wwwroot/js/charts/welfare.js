// @ts-check
// The welfare of every game of a class as stacked bars, one segment per party, against the best possible welfare.

import { noDealWelfare } from "../game/roles.js";
import { points } from "../ui/format.js";
import { axisTitles, chartRoot, horizontalGrid, linear, svg, tooltip } from "./svg.js";

const welfareOf = point => (point?.utilities ? Object.values(point.utilities).reduce((sum, u) => sum + u, 0) : null);

// A game id reads "<classId>-01"; under a bar the suffix is enough.
const shortGameId = (classId, gameId) => (gameId.startsWith(`${classId}-`) ? gameId.slice(classId.length + 1) : gameId);

export function compareChart(classId, scenario, games, colours, compact) {
  const played = games.filter(g => g.debrief.ok);
  const maxWelfare = welfareOf(played.find(g => g.debrief.maxWelfare)?.debrief.maxWelfare);
  const noDeal = noDealWelfare(played[0]?.debrief);
  const top = Math.ceil(Math.max(100, maxWelfare ?? 0, ...played.map(g => g.debrief.outcome?.welfare ?? 0)) / 50) * 50;
  const width = compact ? 380 : 960;
  const height = compact ? 260 : 320;
  const box = { left: 48, right: width - 12, top: 18, bottom: height - 44 };
  const y = linear(0, top, box.bottom, box.top);
  const slot = (box.right - box.left) / played.length;
  const barWidth = Math.min(56, slot * 0.6);
  const bars = played.map((game, i) => welfareBar(game, scenario, colours, {
    x: box.left + slot * i + (slot - barWidth) / 2, width: barWidth, y, bottom: box.bottom, label: shortGameId(classId, game.gameId),
  }));
  return chartRoot(width, height, "Welfare of every game, split by party",
    horizontalGrid(box, y, [0, 1, 2, 3, 4].map(k => (top * k) / 4)),
    axisTitles(box, "Game", "Welfare"),
    bars,
    maxWelfare != null && referenceLine(box, y(maxWelfare), "#111827", `max welfare ${points(maxWelfare)}`, "max-welfare"),
    noDeal != null && referenceLine(box, y(noDeal), "#b42318", `no deal ${points(noDeal)}`, "no-deal"));
}

// A level every bar is read against: the best any agreement could give, or what the parties get with none.
function referenceLine(box, at, colour, text, name) {
  return svg("g", { "data-reference": name },
    svg("line", { x1: box.left, x2: box.right, y1: at, y2: at, stroke: colour, "stroke-width": 1.5, "stroke-dasharray": "6 4" }, tooltip(text)),
    svg("text", { class: "marker-label", x: box.right, y: at - 5, "text-anchor": "end", text }));
}

function welfareBar(game, scenario, colours, bar) {
  const scores = game.debrief.outcome?.scores ?? {};
  let base = 0;
  const segments = scenario.parties.map(p => {
    const value = Math.max(0, scores[p.id] ?? 0);
    const segment = svg("rect", { x: bar.x, width: bar.width, y: bar.y(base + value), height: bar.y(base) - bar.y(base + value), fill: colours.get(p.id) },
      tooltip(`${game.gameId} · ${p.name}: ${points(scores[p.id])}`));
    base += value;
    return segment;
  });
  const centre = bar.x + bar.width / 2;
  return svg("g", { "data-game": game.gameId },
    segments,
    svg("text", { class: "value-label", x: centre, y: bar.y(base) - 5, "text-anchor": "middle", text: points(game.debrief.outcome?.welfare) }),
    svg("text", { class: "tick-label", x: centre, y: bar.bottom + 16, "text-anchor": "middle", text: bar.label }));
}
