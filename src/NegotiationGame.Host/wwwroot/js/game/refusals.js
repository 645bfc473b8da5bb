// @ts-check
// Why the server would refuse a player's move now, in words, so that the console turns its controls off and says
// so before a click is refused. The rules are the game's (GameRules: every party command needs the negotiation
// running, not paused, and a party that has not walked away).

/** @import { Clock } from "../types.js" */

/**
 * @param {Pick<Clock, "phase" | "paused">} clock
 * @param {boolean} walkedAway
 * @returns {string | null} null when a move would be taken
 */
export function refusalReason(clock, walkedAway) {
  if (walkedAway) return "You have walked away: you can make no more moves.";
  if (clock.phase === "Ended") return "The game is over.";
  if (clock.phase === "Lobby" || clock.phase === "Briefing") return "Moves open when the negotiation begins.";
  if (clock.paused) return "The instructor has paused the clock: moves wait until it runs again.";
  return null;
}
