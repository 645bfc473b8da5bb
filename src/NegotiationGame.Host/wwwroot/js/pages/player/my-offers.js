// @ts-check
// "My offers": every offer the player tabled, newest first, with where it stands (open and who has accepted,
// agreed, rejected by whom, expired, withdrawn), what it changed, and Withdraw while it is open.

import { refusalReason } from "../../game/refusals.js";
import { field, h, replaceIfChanged } from "../../ui/dom.js";
import { listJoin } from "../../ui/format.js";
import { playerCommand } from "./command.js";
import { changesNote, termsList } from "./offer-parts.js";

/** @import { TrackedOffer } from "../../types.js" */
/** @import { PlayerContext } from "./page.js" */

/** @param {PlayerContext} ctx */
export function renderMyOffers(ctx) {
  const mine = [...ctx.offers.values()].filter(offer => offer.proposer === ctx.seat.partyId).sort((a, b) => b.offerId - a.offerId);
  // Rebuilt only when what it shows changed, so that a clock tick or a view refresh cannot swallow a click on Withdraw.
  const shown = [mine, ctx.ended, ctx.walkedAway, refusalReason(ctx.clock, ctx.walkedAway), ctx.view?.settlements ?? []];
  replaceIfChanged(field(ctx.root, "myOffers"), shown, () => (mine.length ? mine.map(offer => myOfferCard(ctx, offer))
    : [h("p", { class: "muted", text: "You have not tabled an offer yet." })]));
}

/**
 * @param {PlayerContext} ctx
 * @param {TrackedOffer} offer
 */
function myOfferCard(ctx, offer) {
  const open = offer.status === "open";
  const closed = ctx.ended || ctx.walkedAway;
  // A pause leaves the button in place, off, with the server's reason: the offer can be withdrawn once the clock runs.
  const refused = refusalReason(ctx.clock, ctx.walkedAway);
  return h("article", { class: `offer mine status-${offer.status}`, testid: `my-offer-${offer.offerId}` },
    h("h3", {}, `Offer #${offer.offerId} to ${listJoin(offer.addressees.map(ctx.names.party))} `,
      h("span", { class: `status-tag ${offer.status}`, text: statusWord(offer), testid: `my-offer-status-${offer.offerId}` })),
    h("p", { class: "muted", text: standing(ctx, offer) }),
    termsList(ctx, offer.package),
    changesNote(ctx, offer),
    open && !closed && h("div", { class: "row wrap" }, h("button", { type: "button", text: "Withdraw", testid: `withdraw-${offer.offerId}`,
      disabled: refused !== null, title: refused,
      onclick: () => playerCommand(ctx, { type: "withdraw", offerId: offer.offerId }, `Offer #${offer.offerId} withdrawn.`) })));
}

/** @param {TrackedOffer} offer */
const statusWord = offer => ({ open: "open", agreement: "agreed", rejected: "rejected", expired: "expired", withdrawn: "withdrawn" })[offer.status];

/**
 * @param {PlayerContext} ctx
 * @param {TrackedOffer} offer
 */
function standing(ctx, offer) {
  const party = ctx.names.party;
  const others = offer.acceptedBy.filter(p => p !== offer.proposer);
  switch (offer.status) {
    case "open": {
      const waiting = offer.addressees.filter(p => !offer.acceptedBy.includes(p));
      return `Accepted by ${others.length ? listJoin(others.map(party)) : "nobody yet"}${waiting.length ? ` · waiting for ${listJoin(waiting.map(party))}` : ""}`;
    }
    case "agreement":
      return `Agreed by ${listJoin(offer.acceptedBy.map(party))}${offer.binding.length ? ` · binding: ${listJoin(offer.binding.map(ctx.names.issue))}` : " · nothing binds yet"}`;
    case "rejected": return `Rejected by ${offer.rejectedBy ? party(offer.rejectedBy) : "a party"}`;
    case "expired": return "Expired before everyone accepted";
    default: return "You withdrew it";
  }
}
