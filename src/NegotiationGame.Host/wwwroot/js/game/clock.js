// @ts-check
// The game's clock as the page follows it: from a summary, then moved by each fresh event.

/** @import { Clock, GameEvent, GameSummary } from "../types.js" */

/** @type {(s: Partial<GameSummary> | null | undefined) => Clock} */
export const clockFromSummary = s => ({
  phase: s?.phase ?? "Lobby", round: s?.round ?? 0, paused: !!s?.paused, remaining: null,
  deadline: s?.deadline ? Date.parse(s.deadline) : null, scores: s?.scores ?? {},
});

/**
 * Moves the clock by one event.
 * @param {Clock} clock
 * @param {GameEvent} e
 * @returns {boolean} whether the event moved it (so that the page draws it again)
 */
export function applyToClock(clock, e) {
  const d = e.data;
  switch (e.type) {
    case "BriefingStarted": Object.assign(clock, { phase: "Briefing", deadline: null }); break;
    case "NegotiationStarted": Object.assign(clock, { phase: "Negotiation", round: 1, deadline: null }); break;
    case "RoundAdvanced": Object.assign(clock, { round: d.round, deadline: null }); break;
    case "DeadlineSet": Object.assign(clock, { deadline: Date.parse(d.deadline), paused: false }); break;
    case "ClockPaused": Object.assign(clock, { paused: true, remaining: d.remainingSeconds, deadline: null }); break;
    case "ClockResumed": Object.assign(clock, { paused: false, remaining: null, deadline: d.deadline ? Date.parse(d.deadline) : null }); break;
    case "DeadlineExtended":
      if (clock.deadline) clock.deadline += d.bySeconds * 1000;
      if (clock.remaining != null) clock.remaining += d.bySeconds;
      break;
    case "GameEnded": Object.assign(clock, { phase: "Ended", deadline: null, paused: false, scores: d.scores }); break;
    default: return false;
  }
  return true;
}
