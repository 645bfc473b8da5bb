// @ts-check
// Parts of the offer cards of the inbox and of "My offers": the terms in the scenario's order, what changed from the
// offer before and from what binds now, and what an acceptance or a signature would bind and score.

import { changesFromBinding, packageChanges, previousOffer } from "../../game/changes.js";
import { termsInOrder } from "../../game/names.js";
import { bindingPackage } from "../../game/outcome.js";
import { h } from "../../ui/dom.js";
import { listJoin, points } from "../../ui/format.js";

/** @import { OfferPackage } from "../../types.js" */
/** @import { IssueChange } from "../../game/changes.js" */
/** @import { OutcomePreview } from "../../game/outcome.js" */
/** @import { PlayerContext } from "./page.js" */

/**
 * @param {PlayerContext} ctx
 * @param {OfferPackage} pkg
 */
export function termsList(ctx, pkg) {
  const redLines = new Set(ctx.view?.redLines ?? []);
  return h("ul", { class: "terms" }, ...termsInOrder(pkg, ctx.names).map(([issue, option]) => h("li", {
    class: redLines.has(`${issue}/${option}`) ? "red-line" : null,
    text: `${ctx.names.issue(issue)}: ${ctx.names.option(issue, option)}`,
  })));
}

/**
 * What the offer changes, against the offer it answers and against what binds now.
 * @param {PlayerContext} ctx
 * @param {{ offerId: number, proposer: string, package: OfferPackage }} offer
 */
export function changesNote(ctx, offer) {
  if (!ctx.scenario || !ctx.view) return null;
  const counterTo = ctx.offers.get(offer.offerId)?.counterTo ?? null;
  const before = previousOffer(ctx.offers, { offerId: offer.offerId, proposer: offer.proposer, counterTo });
  const fromBefore = before ? packageChanges(ctx.scenario, before.package, offer.package) : [];
  const fromBinding = changesFromBinding(ctx.scenario, bindingPackage(ctx.view.settlements ?? []), offer.package);
  return h("div", { class: "changes", testid: `changes-${offer.offerId}` },
    before && h("p", { class: "muted", text: `Changes from #${before.offerId}${counterTo === before.offerId ? " (the offer it counters)" : ""}: ${describeChanges(ctx, fromBefore, "left open") || "none"}` }),
    h("p", { class: "muted", text: `Against what binds now: ${describeChanges(ctx, fromBinding, "no deal") || "nothing changes"}` }));
}

/**
 * @param {PlayerContext} ctx
 * @param {IssueChange[]} changes
 * @param {string} nothing how an option that is not there reads
 */
const describeChanges = (ctx, changes, nothing) => changes.map(({ issueId, from, to }) =>
  `${ctx.names.issue(issueId)} ${from ? ctx.names.option(issueId, from) : nothing} → ${to ? ctx.names.option(issueId, to) : nothing}`).join("; ");

/**
 * What the answer would bind and the party's score of what binds after it.
 * @param {PlayerContext} ctx
 * @param {OutcomePreview} preview
 * @param {string} action "accept" or "sign"
 * @param {number} id the offer or agreement
 */
export function previewNote(ctx, preview, action, id) {
  return h("div", { class: preview.belowReservation ? "preview below" : "preview", testid: `preview-${action}-${id}` },
    h("p", { text: `If you ${action}: ${previewText(ctx, preview)}` }),
    preview.belowReservation && h("p", { class: "warning", text: `That is below your reservation value of ${points(ctx.view?.reservation)}.` }));
}

/**
 * @param {PlayerContext} ctx
 * @param {OutcomePreview} preview
 */
export function previewText(ctx, preview) {
  const names = ctx.names;
  const terms = pairs => pairs.map(([issue, option]) => `${names.issue(issue)} → ${names.option(issue, option)}`).join("; ");
  if (!preview.concludes) return `it is not yet agreed; it still needs ${listJoin(preview.waitingFor.map(names.party))}. Nothing binds yet.`;
  const parts = [];
  parts.push(preview.binds.length ? `binds at once: ${terms(preview.binds)}.` : "nothing binds at once.");
  if (preview.provisional.length) parts.push(`Provisional until signed: ${terms(preview.provisional)}.`);
  parts.push(`Your score of what binds: ${points(preview.scoreBefore)} → ${points(preview.scoreAfter)}.`);
  return parts.join(" ");
}

/**
 * Asks before an answer that leaves the party under its reservation; any other answer goes ahead.
 * @param {PlayerContext} ctx
 * @param {OutcomePreview} preview
 * @param {string} action
 */
export const confirmBelowReservation = (ctx, preview, action) => !preview.belowReservation ||
  confirm(`If you ${action}, what binds is worth ${points(preview.scoreAfter)} to you, below your reservation value of ${points(ctx.view?.reservation)}. ${action[0].toUpperCase()}${action.slice(1)} anyway?`);
