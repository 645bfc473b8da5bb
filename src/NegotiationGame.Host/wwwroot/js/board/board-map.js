// @ts-check
// A schematic map of one group of issues (the territories), drawn from the shapes the scenario gives them
// (docs/scenario-format.md "Map shapes"); each region is coloured by the state of its issue.

import { svg, tooltip } from "../charts/svg.js";
import { STATE_WORDS } from "./board-words.js";

/** @import { BoardIssue } from "../game/board-state.js" */
/** @import { Names, ScenarioIssue } from "../types.js" */

/** @type {(issues: ScenarioIssue[]) => boolean} a group is a map when every issue of it has a shape */
export const isMapGroup = issues => issues.length > 0 && issues.every(issue => Array.isArray(issue.map?.points));

// The middle of a region's outline, where its name goes (the mean of its corners is enough for schematic shapes).
function centre(points) {
  const xs = points.map(p => p[0]);
  const ys = points.map(p => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

// SVG text does not wrap: an option label longer than its region is cut to what fits (the key beside the map has it whole).
function fitted(text, width, fontSize) {
  const fits = Math.max(4, Math.floor(width / (fontSize * 0.55)));
  return text.length <= fits ? text : `${text.slice(0, fits - 1).trimEnd()}…`;
}

const widthOf = points => Math.max(...points.map(p => p[0])) - Math.min(...points.map(p => p[0]));

function bounds(issues) {
  const all = issues.flatMap(issue => issue.map.points);
  const xs = all.map(p => p[0]);
  const ys = all.map(p => p[1]);
  const pad = 2;
  return { x: Math.min(...xs) - pad, y: Math.min(...ys) - pad, width: Math.max(...xs) - Math.min(...xs) + 2 * pad, height: Math.max(...ys) - Math.min(...ys) + 2 * pad };
}

/**
 * @param {string} group
 * @param {ScenarioIssue[]} issues every one with a shape
 * @param {Record<string, BoardIssue>} board
 * @param {Set<string>} highlighted the issues of the latest move
 * @param {Names} names
 */
export function boardMap(group, issues, board, highlighted, names) {
  const box = bounds(issues);
  // Text sizes follow the map's own units, so that a small schematic and a large one read alike.
  const fontSize = Math.max(box.width, box.height) / 28;
  return svg("svg", {
    class: "board-map", viewBox: `${box.x} ${box.y} ${box.width} ${box.height}`, role: "img",
    "aria-label": `Map of ${group}`, "data-testid": `board-map-${group}`,
  },
  issues.map(issue => {
    const state = board[issue.id];
    const [cx, cy] = centre(issue.map.points);
    const words = `${issue.name}: ${names.option(issue.id, state.option)} (${STATE_WORDS[state.state]})`;
    return svg("g", {
      class: `region state-${state.state}${highlighted.has(issue.id) ? " latest" : ""}`,
      "data-testid": `board-region-${issue.id}`, "data-state": state.state, "data-option": state.option,
    },
    tooltip(words),
    svg("polygon", { points: issue.map.points.map(p => p.join(",")).join(" ") }),
    svg("text", { x: cx, y: cy - fontSize * 0.2, "text-anchor": "middle", class: "region-name", "font-size": fontSize, text: issue.name }),
    svg("text", {
      x: cx, y: cy + fontSize * 1.05, "text-anchor": "middle", class: "region-option", "font-size": fontSize * 0.8,
      text: fitted(names.option(issue.id, state.option), widthOf(issue.map.points), fontSize * 0.8),
    }));
  }));
}
