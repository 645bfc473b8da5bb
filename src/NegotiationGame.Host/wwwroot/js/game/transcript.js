// @ts-check
// A game's log as the lines of a transcript a teacher reads and grades from: one line per event, in log order,
// with its round, who acted and what happened in words. Pure, so that Node's test runner checks it.

import { describeEvent } from "./event-text.js";

/** @import { GameEvent, Names } from "../types.js" */

/**
 * @typedef {object} TranscriptLine
 * @property {number} sequence the event's place in the log
 * @property {string} at ISO time
 * @property {number} round 0 before negotiation begins
 * @property {string | null} actor the party that acted, null for the clock, the instructor and the game
 * @property {"talk" | "private" | "offer" | "agreement" | "clock" | "news" | "other"} kind
 * @property {string} text
 */

const KINDS = {
  StatementMade: "talk", MessageSent: "private", ChannelActive: "private",
  OfferTabled: "offer", OfferAccepted: "offer", OfferRejected: "offer", OfferWithdrawn: "offer", OfferExpired: "offer",
  AgreementConcluded: "agreement", AgreementSigned: "agreement",
  BriefingStarted: "clock", NegotiationStarted: "clock", RoundAdvanced: "clock", DeadlineSet: "clock", DeadlinePassed: "clock",
  ClockPaused: "clock", ClockResumed: "clock", DeadlineExtended: "clock", GameEnded: "clock",
  NewsInjected: "news", NewsScheduled: "news", ScheduledNewsCancelled: "news",
};

/** @type {(e: GameEvent) => string | null} */
const actorOf = e => e.data.party ?? e.data.proposer ?? null;

/**
 * @param {GameEvent[]} events the whole log, as getDebrief returns it (private messages in full)
 * @param {Names} names
 * @returns {TranscriptLine[]}
 */
export function transcriptLines(events, names) {
  let round = 0;
  return events.map(e => {
    if (e.type === "NegotiationStarted") round = 1;
    else if (e.type === "RoundAdvanced") round = e.data.round;
    return {
      sequence: e.sequence, at: e.at, round, actor: actorOf(e),
      kind: /** @type {TranscriptLine["kind"]} */ (KINDS[e.type] ?? "other"),
      text: describeEvent(e, names),
    };
  });
}
