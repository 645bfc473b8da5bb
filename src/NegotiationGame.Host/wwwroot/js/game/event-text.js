// @ts-check
// One sentence for each kind of game event (docs/protocol.md "Events"), as the feeds show them.

import { formatTime, listJoin, points, prettify } from "../ui/format.js";
import { describePackage } from "./names.js";

/** @import { GameEvent, Names } from "../types.js" */

const END_REASONS = {
  deadline: "deadline", allIssuesBound: "every issue binds", instructor: "ended by the instructor", walkouts: "walkouts",
};

/**
 * @param {Record<string, number> | undefined} scores
 * @param {Names} names
 */
export function describeScores(scores, names) {
  return Object.entries(scores ?? {}).map(([party, score]) => `${names.party(party)} ${points(score)}`).join(", ");
}

/**
 * @param {GameEvent} e
 * @param {Names} names
 * @returns {string}
 */
export function describeEvent(e, names) {
  const d = e.data;
  const parties = ids => listJoin((ids ?? []).map(names.party));
  const issues = ids => listJoin((ids ?? []).map(names.issue));
  switch (e.type) {
    case "BriefingStarted": return "Briefing began: read your instructions";
    case "NegotiationStarted": return "Negotiation began: round 1";
    case "RoundAdvanced": return `Round ${d.round} began`;
    case "DeadlineSet": return `Deadline set for ${formatTime(d.deadline)}`;
    case "DeadlinePassed": return "Time is up for this phase";
    case "ClockPaused": return "The instructor paused the clock";
    case "ClockResumed": return "The clock runs again";
    case "DeadlineExtended": return `Deadline extended by ${d.bySeconds} s`;
    case "NewsInjected": return `News: ${d.headline}`;
    case "NewsScheduled": return `News prepared for the start of round ${d.round}: ${d.headline}`;
    case "ScheduledNewsCancelled": return `News for round ${d.round} taken back: ${d.headline}`;
    case "Withheld": return "The instructor prepared something";
    case "StatementMade": return `${names.party(d.party)} said: “${d.text}”`;
    case "MessageSent": return `${names.party(d.party)} to ${parties((d.channel ?? []).filter(p => p !== d.party))} (private): “${d.text}”`;
    case "ChannelActive": return `${parties(d.channel)} are on a private call`;
    case "OfferTabled": {
      const verb = d.counterTo ? `countered offer #${d.counterTo} with offer` : "tabled offer";
      const expiry = d.expiresAtRound ? ` (expires when round ${d.expiresAtRound} begins)` : "";
      return `${names.party(d.proposer)} ${verb} #${d.offerId} to ${parties(d.addressees)}: ${describePackage(d.package, names)}${expiry}`;
    }
    case "OfferAccepted": return `${names.party(d.party)} accepted offer #${d.offerId}`;
    case "OfferRejected": return `${names.party(d.party)} rejected offer #${d.offerId}`;
    case "OfferWithdrawn": return `Offer #${d.offerId} was withdrawn`;
    case "OfferExpired": return `Offer #${d.offerId} expired`;
    case "AgreementConcluded":
      return `Agreement #${d.agreementId} concluded by ${parties(d.signatories)}; binding: ${d.bindingIssues?.length ? issues(d.bindingIssues) : "nothing yet (signatures missing)"}`;
    case "AgreementSigned": {
      const now = d.newlyBindingIssues?.length ? `; now binding: ${issues(d.newlyBindingIssues)}` : "";
      return `${names.party(d.party)} signed agreement #${d.agreementId}${now}`;
    }
    case "PartyWalkedAway": return `${names.party(d.party)} walked away from the table`;
    case "PlayerChanged": return d.bot ? `A ${d.bot} bot now plays ${names.party(d.party)}` : `Students now play ${names.party(d.party)}`;
    case "GameEnded": return `Game ended (${END_REASONS[d.reason] ?? d.reason}): scores ${describeScores(d.scores, names)}`;
    default: return prettify(e.type);
  }
}

// The debrief names the end reason in PascalCase ("AllIssuesBound"); the event log's sentences use camelCase.
export function endedText(ended) {
  if (!ended) return "not yet: the game is still running";
  const key = ended.charAt(0).toLowerCase() + ended.slice(1);
  return END_REASONS[key] ?? prettify(ended);
}
