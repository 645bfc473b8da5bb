// @ts-check
// The player's brief, readable from joining on: who they are, the public background, the confidential briefing,
// the reservation value, and a points table of their own values, as a paper role-play hands them out.

import { field, h } from "../../ui/dom.js";
import { paragraphs, points } from "../../ui/format.js";

/** @import { PublicScenario } from "../../types.js" */
/** @import { PlayerContext } from "./page.js" */

/**
 * The role as getBriefing gives it (docs/protocol.md).
 * @typedef {object} PartyBriefing
 * @property {string} gameId
 * @property {string} partyId
 * @property {string} name
 * @property {string} leader
 * @property {string} confidentialBriefing
 * @property {number} reservation
 * @property {Record<string, number>} weights
 * @property {Record<string, Record<string, number>>} values
 * @property {string[]} redLines
 */

/**
 * @param {PlayerContext} ctx
 * @param {PartyBriefing} briefing
 * @param {PublicScenario} scenario
 */
export function renderBrief(ctx, briefing, scenario) {
  const { root } = ctx;
  field(root, "partyName").textContent = briefing.name;
  field(root, "leader").textContent = briefing.leader;
  field(root, "background").replaceChildren(h("h4", { text: scenario.title }), ...paragraphs(scenario.publicBackground));
  field(root, "briefing").replaceChildren(...paragraphs(briefing.confidentialBriefing));
  field(root, "reservation").textContent = points(briefing.reservation);
  field(root, "pointsTable").replaceChildren(...scenario.issues.map(issue => issuePoints(issue, briefing)));
}

/**
 * One small table per issue, so that the tables reflow on a phone instead of growing sideways.
 * @param {PublicScenario["issues"][number]} issue
 * @param {PartyBriefing} briefing
 */
function issuePoints(issue, briefing) {
  const weight = briefing.weights[issue.id] ?? 0;
  const redLines = new Set(briefing.redLines);
  const worth = option => weight * (briefing.values[issue.id]?.[option.id] ?? 0) / 100;
  const best = Math.max(...issue.options.map(worth));
  return h("table", { class: "points-table", testid: `points-${issue.id}` },
    h("caption", {}, h("strong", { text: issue.name }), ` · weight ${points(weight)} %`),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Option" }), h("th", { scope: "col", text: "Value" }), h("th", { scope: "col", text: "Points" }))),
    h("tbody", {}, ...issue.options.map(option => {
      const redLine = redLines.has(`${issue.id}/${option.id}`);
      return h("tr", { class: [redLine && "red-line", worth(option) === best && weight > 0 && "best"].filter(Boolean).join(" ") || null, testid: `points-${issue.id}-${option.id}` },
        h("th", { scope: "row" }, option.label,
          option.id === issue.noDeal && h("span", { class: "tag", text: "no deal" }),
          redLine && h("span", { class: "tag red", text: "⛔ red line" })),
        h("td", { text: String(briefing.values[issue.id]?.[option.id] ?? 0) }),
        h("td", { text: points(worth(option)) }));
    })));
}
