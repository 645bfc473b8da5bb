// @ts-check
// Building blocks of the inline SVG charts: elements, scales, grids, axes and legends.

import { onCleanup } from "../router.js";
import { h } from "../ui/dom.js";

const SVG_NS = "http://www.w3.org/2000/svg";

const COMPACT_WIDTH = 560; // below this a chart is drawn on a smaller canvas so that its text stays legible

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, String(value));
  }
  // Charts build their parts as nested lists (per party, per offer).
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) node.append(child);
  }
  return node;
}

export const tooltip = text => svg("title", { text });

export const linear = (d0, d1, r0, r1) => value => r0 + ((value - d0) / (d1 - d0 || 1)) * (r1 - r0);

export const isCompact = node => node.clientWidth > 0 && node.clientWidth < COMPACT_WIDTH;

// Redraws when the container crosses COMPACT_WIDTH (a phone turned sideways), not on every pixel of a resize.
export function redrawOnCompactChange(node, redraw) {
  let compact = isCompact(node);
  const listener = () => {
    if (isCompact(node) === compact) return;
    compact = !compact;
    redraw();
  };
  window.addEventListener("resize", listener);
  onCleanup(() => window.removeEventListener("resize", listener));
}

export function chartRoot(width, height, label, ...children) {
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-label": label }, ...children);
}

export function horizontalGrid(box, y, ticks) {
  return ticks.map(t => svg("g", {},
    svg("line", { class: "grid", x1: box.left, x2: box.right, y1: y(t), y2: y(t) }),
    svg("text", { class: "tick-label", x: box.left - 6, y: y(t), dy: "0.35em", "text-anchor": "end", text: t })));
}

export function verticalGrid(box, x, ticks) {
  return ticks.map(t => svg("g", {},
    svg("line", { class: "grid", x1: x(t), x2: x(t), y1: box.top, y2: box.bottom }),
    svg("text", { class: "tick-label", x: x(t), y: box.bottom + 16, "text-anchor": "middle", text: t })));
}

export function axisTitles(box, xTitle, yTitle) {
  const middleY = (box.top + box.bottom) / 2;
  return [
    xTitle && svg("text", { class: "axis-title", x: (box.left + box.right) / 2, y: box.bottom + 34, "text-anchor": "middle", text: xTitle }),
    yTitle && svg("text", { class: "axis-title", x: 12, y: middleY, "text-anchor": "middle", transform: `rotate(-90 12 ${middleY})`, text: yTitle }),
  ];
}

export function dashedLine(x1, y1, x2, y2, colour, title) {
  return svg("line", { x1, y1, x2, y2, stroke: colour, "stroke-width": 1.5, "stroke-dasharray": "6 4" }, tooltip(title));
}

export function legendItem(colour, text, kind = "line") {
  const swatch = h("span", { class: `swatch swatch-${kind}`, "aria-hidden": "true" });
  swatch.style.setProperty("--swatch", colour);
  return h("li", {}, swatch, text);
}

export const partyLegend = (parties, colours) => parties.map(p => legendItem(colours.get(p.id), p.name));
