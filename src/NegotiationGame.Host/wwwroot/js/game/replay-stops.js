// @ts-check
// Where the replay's jumps land and what the public offers were at a position: pure functions of the log.

import { trackOffer } from "./offers.js";

/** @import { GameEvent, TrackedOffer } from "../types.js" */

/** The kinds of event a jump stops at. */
export const STOPS = {
  offer: new Set(["OfferTabled"]),
  agreement: new Set(["AgreementConcluded", "AgreementSigned"]),
};

/**
 * The index of the next (direction 1) or previous (-1) event of one of `types` after or before `from`, or `from`
 * itself when there is none.
 * @param {GameEvent[]} events
 * @param {number} from
 * @param {Set<string>} types
 * @param {1 | -1} direction
 */
export function jumpIndex(events, from, types, direction) {
  for (let i = from + direction; i >= 0 && i < events.length; i += direction) {
    if (types.has(events[i].type)) return i;
  }
  return from;
}

/**
 * Every offer's public life as it stood after event `index`.
 * @param {GameEvent[]} events
 * @param {number} index
 * @returns {Map<number, TrackedOffer>}
 */
export function offersAt(events, index) {
  const offers = new Map();
  for (let i = 0; i <= index && i < events.length; i++) trackOffer(offers, events[i]);
  return offers;
}
