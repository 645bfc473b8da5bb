// @ts-check
// What the instructor should look at in a game: agreements, walk-outs and parties that have done nothing for a while.
// Pure: it reads events and answers alerts, so that it runs under Node's test runner too.

/** @import { GameEvent } from "../../types.js" */

/**
 * @typedef {object} GameAlert
 * @property {"agreement" | "walkout" | "idle"} kind
 * @property {string} gameId
 * @property {string} [party] the party the alert is about (walk-out, idle)
 * @property {number} [agreementId]
 * @property {number} [rounds] idle: how many rounds the party has let pass
 */

/** How many whole rounds a party may let pass without a move before the instructor hears of it. */
export const IDLE_ROUNDS = 2;

// The events that count as a party doing something, and the field naming it.
const ACTOR_FIELDS = {
  OfferTabled: "proposer", OfferAccepted: "party", OfferRejected: "party", StatementMade: "party", MessageSent: "party", AgreementSigned: "party",
};

/** Follows one game's events and says when something deserves the instructor's attention. */
export class AlertWatch {
  /**
   * @param {string} gameId
   * @param {string[]} parties the scenario's party ids
   * @param {number} [idleRounds]
   */
  constructor(gameId, parties, idleRounds = IDLE_ROUNDS) {
    this.gameId = gameId;
    this.idleRounds = idleRounds;
    /** @type {Map<string, number>} party → the first round it has let pass without a move (after its last move, or since it was last named) */
    this.lastMove = new Map(parties.map(party => [party, 1]));
    /** @type {Set<string>} */
    this.gone = new Set();
    this.ended = false;
  }

  /**
   * @param {GameEvent} e
   * @returns {GameAlert[]}
   */
  take(e) {
    const d = e.data ?? {};
    const actor = ACTOR_FIELDS[e.type] ? d[ACTOR_FIELDS[e.type]] : undefined;
    if (actor && this.lastMove.has(actor)) this.lastMove.set(actor, (this.round ?? 0) + 1);
    switch (e.type) {
      case "NegotiationStarted":
        this.round = 1;
        for (const party of this.lastMove.keys()) this.lastMove.set(party, 1);
        return [];
      case "RoundAdvanced": return this.ended ? [] : this.idleAt(d.round);
      case "AgreementConcluded": return [{ kind: "agreement", gameId: this.gameId, agreementId: d.agreementId }];
      case "PartyWalkedAway":
        this.gone.add(d.party);
        return [{ kind: "walkout", gameId: this.gameId, party: d.party }];
      case "GameEnded":
        this.ended = true;
        return [];
      default: return [];
    }
  }

  /** @param {number} round the round that has just begun */
  idleAt(round) {
    this.round = round;
    /** @type {GameAlert[]} */
    const alerts = [];
    for (const [party, firstIdle] of this.lastMove) {
      const rounds = round - firstIdle;
      if (this.gone.has(party) || rounds < this.idleRounds) continue;
      alerts.push({ kind: "idle", gameId: this.gameId, party, rounds });
      // Told once a spell: the next alert comes after as many rounds again.
      this.lastMove.set(party, round);
    }
    return alerts;
  }
}

/**
 * @param {GameAlert} alert
 * @param {{ party: (id: string) => string }} names
 */
export function alertText(alert, names) {
  switch (alert.kind) {
    case "agreement": return `${alert.gameId}: agreement #${alert.agreementId} concluded`;
    case "walkout": return `${alert.gameId}: ${names.party(alert.party ?? "")} walked away`;
    default: return `${alert.gameId}: ${names.party(alert.party ?? "")} has made no move for ${alert.rounds} rounds`;
  }
}
