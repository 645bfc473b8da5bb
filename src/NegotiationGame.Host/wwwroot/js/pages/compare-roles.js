// @ts-check
// The comparison's "each role across the games": one table per role, a row per game, so that the class sees the same
// brief played to different ends, and who came down how far from their opening ask.

import { roleAcrossGames } from "../game/roles.js";
import { h } from "../ui/dom.js";
import { listJoin, points } from "../ui/format.js";

/** @import { Names, PublicScenario } from "../types.js" */

const signed = value => (value == null ? "–" : `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(1)}`);

/**
 * @param {PublicScenario} scenario
 * @param {{ gameId: string, debrief: Record<string, any> }[]} games
 * @param {Names} names
 * @param {(gameId: string, partyId: string) => string} playedBy
 */
export function rolesSection(scenario, games, names, playedBy) {
  const played = games.filter(g => g.debrief.ok);
  return h("section", { class: "card", "aria-labelledby": "roles-title", testid: "compare-roles" },
    h("h2", { id: "roles-title", text: "Each role across the games" }),
    h("p", { class: "muted", text: "The same brief in every game: how each player of a role did against its reservation value, "
      + "how far they came down from their first offer, and on which issues of that offer they gave ground." }),
    ...scenario.parties.map(party => h("div", { class: "table-scroll" },
      h("table", { testid: `role-${party.id}` },
        h("caption", { class: "party-tag", party: party.id, text: `${party.name} (${party.leader ?? ""})`.replace(" ()", "") }),
        h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Game" }), h("th", { scope: "col", text: "Played by" }),
          ...["Score", "Reservation", "Margin", "First offer", "Came down"].map(text => h("th", { scope: "col", class: "num", text })),
          h("th", { scope: "col", text: "Gave ground on" }))),
        h("tbody", {}, ...roleAcrossGames(party.id, played).map(row => h("tr", { "data-game": row.gameId },
          h("th", { scope: "row", class: "nowrap", text: row.gameId }),
          h("td", { text: playedBy(row.gameId, party.id) }),
          h("td", { class: "num", text: points(row.score) }),
          h("td", { class: "num", text: points(row.reservation) }),
          h("td", { class: `num ${row.margin != null && row.margin < 0 ? "below" : "above"}`, text: signed(row.margin) }),
          h("td", { class: "num", text: row.opening == null ? "no offer" : points(row.opening) }),
          h("td", { class: "num", text: points(row.conceded) }),
          h("td", { text: row.opening == null ? "–" : listJoin(row.gaveGround.map(names.issue)).replace(/^nobody$/, "nothing") }))))))));
}
