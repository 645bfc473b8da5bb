// @ts-check
// The board's states and clock in words, short enough to read from the back of a room.

import { formatSeconds, listJoin } from "../ui/format.js";

/** @import { BoardIssue } from "../game/board-state.js" */
/** @import { Clock, Names } from "../types.js" */

/** @type {Record<BoardIssue["state"], string>} */
export const STATE_WORDS = { open: "open", tabled: "on the table", provisional: "provisional", binding: "binding" };

/**
 * What holds for an issue and why, in one line.
 * @param {BoardIssue} issue
 * @param {Names} names
 */
export function issueStatusText(issue, names) {
  const offers = issue.tabledIn.map(id => `#${id}`).join(", ");
  const amendment = issue.amendment
    ? ` · amendment #${issue.amendment.agreementId} to ${names.option(issue.issueId, issue.amendment.option)} waits for ${listJoin(issue.amendment.stillMustSign.map(names.party))}`
    : "";
  switch (issue.state) {
    case "binding": return `Binding (agreement #${issue.agreementId})${amendment}${offers ? ` · offers ${offers}` : ""}`;
    case "provisional": return `Provisional (agreement #${issue.agreementId}): waiting for ${listJoin(issue.stillMustSign.map(names.party))}${offers ? ` · offers ${offers}` : ""}`;
    case "tabled": return `On the table in ${issue.tabledIn.length === 1 ? "offer" : "offers"} ${offers}; no deal holds`;
    default: return "Open: no deal holds";
  }
}

/**
 * The clock in words at time `now` (epoch ms).
 * @param {Clock} clock
 * @param {number} now
 * @param {number} [rounds]
 * @returns {{ phase: string, round: string, time: string }}
 */
export function clockWords(clock, now, rounds) {
  const round = clock.phase === "Negotiation" ? `Round ${clock.round}${rounds ? ` of ${rounds}` : ""}` : "";
  return { phase: clock.phase === "Ended" ? "Game over" : clock.phase, round, time: timeWords(clock, now) };
}

function timeWords(clock, now) {
  if (clock.phase === "Ended") return "";
  if (clock.paused) return clock.remaining != null ? `${formatSeconds(clock.remaining)} (paused)` : "paused";
  if (clock.deadline) return formatSeconds((clock.deadline - now) / 1000);
  return clock.phase === "Lobby" ? "not started" : "no time limit";
}
