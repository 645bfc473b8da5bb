// @ts-check
// The public board of a game as a pure fold of its event log: each issue's state and option, the open offers, the
// clock, who is on a call and the latest move. It holds only what every spectator may know: no party's utilities,
// no private message's text, and the scores only once the game has ended.

import { applyToClock, clockFromSummary } from "./clock.js";

/** @import { Clock, GameEvent, OfferPackage, PublicScenario } from "../types.js" */

/**
 * An issue as the board shows it. `option` is what holds: the no-deal option while open or only on the table.
 * @typedef {object} BoardIssue
 * @property {string} issueId
 * @property {"open" | "tabled" | "provisional" | "binding"} state
 * @property {string} option
 * @property {number | null} agreementId the agreement that settled it
 * @property {string[]} signedBy
 * @property {string[]} stillMustSign the parties whose signature a provisional issue waits for
 * @property {number[]} tabledIn the open offers that name it
 * @property {{ option: string, agreementId: number, signedBy: string[], stillMustSign: string[] } | null} amendment
 *   a later agreement on another option, waiting for signatures while the earlier one binds
 */

/**
 * @typedef {object} BoardOffer
 * @property {number} offerId
 * @property {string} proposer
 * @property {string[]} addressees
 * @property {OfferPackage} package
 * @property {string[]} acceptedBy
 */

/**
 * One move in public form (a private message is only its channel).
 * @typedef {object} BoardMove
 * @property {number} sequence
 * @property {string} at
 * @property {string} type
 * @property {Record<string, any>} data
 * @property {string[]} issues the issues it changed or named
 */

/**
 * @typedef {object} BoardState
 * @property {number} sequence the last event folded in
 * @property {string | null} at its time
 * @property {Clock} clock
 * @property {Record<string, BoardIssue>} issues
 * @property {Record<string, BoardOffer>} openOffers
 * @property {Record<string, { channel: string[], lastAt: string, messages: number }>} calls
 * @property {string[]} walkedAway
 * @property {BoardMove | null} latest
 * @property {BoardMove[]} recent newest first
 * @property {{ reason: string, scores: Record<string, number> } | null} ended
 */

// How many moves the board keeps in words, newest first.
export const RECENT_MOVES = 6;

// Events that are no move on the board: those that only set or move the clock, and the instructor's preparations
// (news waiting for a later round), which the board, shown to spectators, must not tell.
const NOT_MOVES = new Set(["DeadlineSet", "DeadlinePassed", "NewsScheduled", "ScheduledNewsCancelled", "Withheld"]);

/**
 * The board before the first event.
 * @param {PublicScenario} scenario
 * @returns {BoardState}
 */
export function emptyBoard(scenario) {
  /** @type {Record<string, BoardIssue>} */
  const issues = {};
  for (const issue of scenario.issues) {
    issues[issue.id] = { issueId: issue.id, state: "open", option: issue.noDeal, agreementId: null, signedBy: [], stillMustSign: [], tabledIn: [], amendment: null };
  }
  return { sequence: 0, at: null, clock: clockFromSummary(null), issues, openOffers: {}, calls: {}, walkedAway: [], latest: null, recent: [], ended: null };
}

/**
 * The board after every event of the log up to and including index `last` (all of them without it).
 * @param {PublicScenario} scenario
 * @param {GameEvent[]} events in sequence order
 * @param {number} [last]
 */
export function foldBoard(scenario, events, last = events.length - 1) {
  let board = emptyBoard(scenario);
  for (let i = 0; i <= last && i < events.length; i++) board = nextBoard(scenario, board, events[i]);
  return board;
}

// The parties an issue settled on `optionId` needs, by the scenario's consent rule (docs/rules.md).
function requiredSignatories(scenario, issueId, optionId) {
  const issue = scenario.issues.find(i => i.id === issueId);
  const option = issue?.options.find(o => o.id === optionId);
  return [...new Set([...(issue?.signatories ?? []), ...(option?.alsoRequires ?? [])])];
}

// A private message is, on the board, only the fact that its parties talk.
/** @type {(e: GameEvent) => GameEvent} */
const publicForm = e => (e.type === "MessageSent" ? { ...e, type: "ChannelActive", data: { channel: e.data.channel } } : e);

/**
 * The board one event later. The board passed in is not changed.
 * @param {PublicScenario} scenario
 * @param {BoardState} board
 * @param {GameEvent} raw
 * @returns {BoardState}
 */
export function nextBoard(scenario, board, raw) {
  const e = publicForm(raw);
  const d = e.data ?? {};
  const issues = { ...board.issues };
  const openOffers = { ...board.openOffers };
  const touched = new Set();
  /** @type {(issueId: string, change: Partial<BoardIssue>) => void} */
  const change = (issueId, patch) => {
    if (!issues[issueId]) return;
    issues[issueId] = { ...issues[issueId], ...patch };
    touched.add(issueId);
  };
  const retable = () => {
    for (const id of Object.keys(issues)) {
      const tabledIn = Object.values(openOffers).filter(o => o.package[id] !== undefined).map(o => o.offerId);
      const unsettled = issues[id].state === "open" || issues[id].state === "tabled";
      const state = unsettled ? (tabledIn.length ? "tabled" : "open") : issues[id].state;
      if (tabledIn.join() !== issues[id].tabledIn.join() || state !== issues[id].state) issues[id] = { ...issues[id], tabledIn, state };
    }
  };
  const next = { ...board, sequence: e.sequence, at: e.at, issues, openOffers };
  const clock = { ...board.clock };
  if (applyToClock(clock, e)) next.clock = clock;

  switch (e.type) {
    case "OfferTabled":
      openOffers[d.offerId] = { offerId: d.offerId, proposer: d.proposer, addressees: [...d.addressees], package: { ...d.package }, acceptedBy: [d.proposer] };
      Object.keys(d.package ?? {}).forEach(id => touched.add(id));
      retable();
      break;
    case "OfferAccepted":
      if (openOffers[d.offerId]) {
        openOffers[d.offerId] = { ...openOffers[d.offerId], acceptedBy: [...openOffers[d.offerId].acceptedBy, d.party] };
        Object.keys(openOffers[d.offerId].package).forEach(id => touched.add(id));
      }
      break;
    case "OfferRejected": case "OfferWithdrawn": case "OfferExpired":
      Object.keys(openOffers[d.offerId]?.package ?? {}).forEach(id => touched.add(id));
      delete openOffers[d.offerId];
      retable();
      break;
    case "AgreementConcluded": {
      const terms = openOffers[d.agreementId]?.package ?? {};
      delete openOffers[d.agreementId];
      for (const [issueId, option] of Object.entries(terms)) {
        const binding = d.bindingIssues.includes(issueId);
        const stillMustSign = requiredSignatories(scenario, issueId, option).filter(p => !d.signatories.includes(p));
        const settled = { option, agreementId: d.agreementId, signedBy: [...d.signatories], stillMustSign: binding ? [] : stillMustSign };
        const current = issues[issueId];
        // An amendment waiting for signatures leaves what binds in force until it binds itself (docs/rules.md).
        if (!binding && current?.state === "binding" && current.option !== option) change(issueId, { amendment: settled });
        else change(issueId, { ...settled, state: binding ? "binding" : "provisional", amendment: null });
      }
      retable();
      break;
    }
    case "AgreementSigned":
      for (const [issueId, issue] of Object.entries(issues)) {
        const binds = d.newlyBindingIssues.includes(issueId);
        const sign = settled => ({ ...settled, signedBy: [...settled.signedBy, d.party], stillMustSign: binds ? [] : settled.stillMustSign.filter(p => p !== d.party) });
        if (issue.amendment?.agreementId === d.agreementId) {
          const signed = sign(issue.amendment);
          change(issueId, binds ? { ...signed, state: "binding", amendment: null } : { amendment: signed });
        } else if (issue.agreementId === d.agreementId && issue.state === "provisional") {
          change(issueId, { ...sign(issue), state: binds ? "binding" : "provisional" });
        }
      }
      break;
    case "ChannelActive": {
      const channel = [...d.channel].sort();
      const key = channel.join("+");
      next.calls = { ...board.calls, [key]: { channel, lastAt: e.at, messages: (board.calls[key]?.messages ?? 0) + 1 } };
      break;
    }
    case "PartyWalkedAway": next.walkedAway = [...board.walkedAway, d.party]; break;
    case "GameEnded": next.ended = { reason: d.reason, scores: { ...d.scores } }; break;
    default: break;
  }

  if (!NOT_MOVES.has(e.type)) {
    /** @type {BoardMove} */
    const move = { sequence: e.sequence, at: e.at, type: e.type, data: d, issues: [...touched] };
    next.latest = move;
    next.recent = [move, ...board.recent].slice(0, RECENT_MOVES);
  }
  return next;
}

/**
 * The calls heard from within the last `windowMs` before `now` (epoch ms), the most recent first.
 * @param {BoardState} board
 * @param {number} now
 * @param {number} [windowMs]
 */
export function activeCalls(board, now, windowMs = 120_000) {
  return Object.values(board.calls)
    .filter(call => now - Date.parse(call.lastAt) <= windowMs)
    .sort((a, b) => Date.parse(b.lastAt) - Date.parse(a.lastAt));
}
