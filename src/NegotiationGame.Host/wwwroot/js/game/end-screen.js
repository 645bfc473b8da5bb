// @ts-check
// The figures of a player's end screen, read from getEndScreen's reply. Pure, so Node's test runner checks them.

/** @import { EndScreenClassGame, EndScreenPoint } from "../types.js" */

/**
 * How a score stands against the reservation value (what the party had without a deal), to a hundredth of a point.
 * @param {number} score
 * @param {number} reservation
 * @returns {{ margin: number, verdict: "above" | "at" | "below" }}
 */
export function againstReservation(score, reservation) {
  const margin = Math.round((score - reservation) * 100) / 100;
  return { margin, verdict: margin > 0 ? "above" : margin < 0 ? "below" : "at" };
}

/**
 * The other party the chart opens on: the one the agreement left furthest from its Nash utility (where the deal
 * strayed most from the balanced point), the first other party when there is no Nash point.
 * @param {string} partyId the player's party
 * @param {string[]} partyIds every party, in the scenario's order
 * @param {Record<string, number>} scores
 * @param {EndScreenPoint | null | undefined} nash
 * @returns {string | undefined}
 */
export function tellingOtherParty(partyId, partyIds, scores, nash) {
  const others = partyIds.filter(id => id !== partyId);
  if (!nash?.utilities) return others[0];
  const gap = id => Math.abs((scores[id] ?? 0) - (nash.utilities[id] ?? 0));
  return others.reduce((best, id) => (best === undefined || gap(id) > gap(best) ? id : best), /** @type {string | undefined} */ (undefined));
}

/**
 * The class's ended games, best score of the player's role first, with the rank of the player's own game (games of
 * equal score share a rank) and the mean of the role's scores.
 * @param {EndScreenClassGame[]} games
 * @returns {{ rows: EndScreenClassGame[], rank: number, of: number, meanRoleScore: number | null }}
 */
export function compareGames(games) {
  const rows = [...games].sort((a, b) => b.roleScore - a.roleScore || a.gameId.localeCompare(b.gameId));
  const own = rows.find(row => row.own);
  const rank = own ? rows.filter(row => row.roleScore > own.roleScore).length + 1 : 0;
  const meanRoleScore = rows.length ? rows.reduce((sum, row) => sum + row.roleScore, 0) / rows.length : null;
  return { rows, rank, of: rows.length, meanRoleScore };
}

/**
 * The number a class gives its game ("c-7f3a9e-02" is game 2), as the instructor's page counts them.
 * @param {string} gameId
 * @returns {string}
 */
export const gameNumber = gameId => String(Number(/(\d+)$/.exec(gameId)?.[1] ?? "") || gameId);
