// @ts-check
// What an offer changes: against the offer before it (the one it counters, else its proposer's last) and against what
// binds now. Issues in the scenario's order. Pure.

/** @import { OfferPackage, PublicScenario } from "../types.js" */

/**
 * One issue that differs; null stands for "left open" in an offer.
 * @typedef {{ issueId: string, from: string | null, to: string | null }} IssueChange
 */

/**
 * The offer a new one answers: the one it counters, else the latest earlier offer of the same proposer.
 * @template {{ offerId: number, proposer: string, counterTo?: number | null }} T
 * @param {Map<number, T>} offers offer id → offer
 * @param {{ offerId: number, proposer: string, counterTo?: number | null }} offer
 * @returns {T | null}
 */
export function previousOffer(offers, offer) {
  if (offer.counterTo != null && offers.has(offer.counterTo)) return offers.get(offer.counterTo) ?? null;
  let latest = null;
  for (const other of offers.values()) {
    if (other.proposer === offer.proposer && other.offerId < offer.offerId && (!latest || other.offerId > latest.offerId)) latest = other;
  }
  return latest;
}

/**
 * The issues on which two offers differ.
 * @param {PublicScenario} scenario
 * @param {OfferPackage} before
 * @param {OfferPackage} after
 * @returns {IssueChange[]}
 */
export const packageChanges = (scenario, before, after) => scenario.issues
  .filter(issue => (before[issue.id] ?? null) !== (after[issue.id] ?? null))
  .map(issue => ({ issueId: issue.id, from: before[issue.id] ?? null, to: after[issue.id] ?? null }));

/**
 * The issues of the offer that would move from what holds now: the binding option, else the issue's no-deal option.
 * @param {PublicScenario} scenario
 * @param {OfferPackage} binding issue id → option that binds now
 * @param {OfferPackage} pkg
 * @returns {IssueChange[]}
 */
export const changesFromBinding = (scenario, binding, pkg) => scenario.issues
  .filter(issue => pkg[issue.id] && pkg[issue.id] !== (binding[issue.id] ?? issue.noDeal))
  .map(issue => ({ issueId: issue.id, from: binding[issue.id] ?? issue.noDeal, to: pkg[issue.id] }));
