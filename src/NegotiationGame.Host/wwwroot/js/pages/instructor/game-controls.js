// @ts-check
// Which of a game's controls the instructor may use now, and why not: the same refusals the rules would answer,
// told before the click. Pure, for Node's test runner.

/** @import { Clock } from "../../types.js" */

/** @typedef {"startNegotiation" | "processNow" | "pause" | "resume" | "extend" | "end"} ControlType */

/**
 * @param {Clock} clock the game's clock as the page follows it
 * @returns {Record<ControlType, string | null>} null where the control may be used, else the reason it may not
 */
export function controlStates(clock) {
  const ended = clock.phase === "Ended" ? "The game has ended." : null;
  const notRunning = ended ?? (clock.phase === "Lobby" ? "The game has not opened yet." : null);
  return {
    startNegotiation: ended ?? (clock.phase === "Negotiation" ? "The negotiation is already under way." : null),
    processNow: notRunning,
    pause: notRunning ?? (clock.paused ? "The clock is already paused." : null),
    resume: notRunning ?? (clock.paused ? null : "The clock is not paused."),
    extend: notRunning ?? (!clock.paused && !clock.deadline ? "This phase has no time limit to extend." : null),
    end: ended,
  };
}

/**
 * Whether "process now" would end the game: it closes the last round.
 * @param {Clock} clock
 * @param {number | undefined} rounds the scenario's number of rounds
 */
export const processNowEnds = (clock, rounds) => clock.phase === "Negotiation" && !!rounds && clock.round >= rounds;

/** @typedef {"startNegotiation" | "pause" | "resume" | "extend"} ClassControlType the commands instructClass sends */

/**
 * A class-wide control is off only when every game would refuse it, with that reason ("every game: …"); while one
 * game takes it, it stays on and the answer says which games refused.
 * @param {Clock[]} clocks each running game's clock
 * @returns {Record<ClassControlType, string | null>}
 */
export function classControlStates(clocks) {
  const per = clocks.map(controlStates);
  /** @param {ClassControlType} type */
  const state = type => {
    if (!per.length) return "The games open when the class starts.";
    const reasons = per.map(states => states[type]);
    if (reasons.some(reason => reason === null)) return null;
    const distinct = [...new Set(reasons)];
    return distinct.length === 1 ? `Every game: ${distinct[0]}` : "No game would take it now.";
  };
  return { startNegotiation: state("startNegotiation"), pause: state("pause"), resume: state("resume"), extend: state("extend") };
}

