// @ts-check
// The public offers and agreements as two table bodies, newest first (the spectator page and the debrief's replay).

import { describePackage } from "../game/names.js";
import { h } from "../ui/dom.js";
import { listJoin } from "../ui/format.js";

/** @import { Names, TrackedOffer } from "../types.js" */

/**
 * @param {TrackedOffer} offer
 * @param {Names} names
 */
function offerStatus(offer, names) {
  if (offer.status === "open") return `open · accepted by ${listJoin(offer.acceptedBy.map(names.party))}`;
  if (offer.status === "rejected") return `rejected by ${names.party(offer.rejectedBy)}`;
  return offer.status;
}

/**
 * @param {HTMLElement} offersBody
 * @param {HTMLElement} agreementsBody
 * @param {Map<number, TrackedOffer>} offers
 * @param {Names} names
 */
export function renderOfferTables(offersBody, agreementsBody, offers, names) {
  const all = [...offers.values()].sort((a, b) => b.offerId - a.offerId);
  const party = names.party;
  offersBody.replaceChildren(...all.map(o => h("tr", { class: `status-${o.status}`, testid: `public-offer-${o.offerId}` },
    h("th", { scope: "row", text: `#${o.offerId}` }),
    h("td", { class: "party-tag", party: o.proposer, text: party(o.proposer) }),
    h("td", { text: listJoin(o.addressees.map(party)) }),
    h("td", { text: describePackage(o.package, names) }),
    h("td", { text: offerStatus(o, names) }))));
  agreementsBody.replaceChildren(...all.filter(o => o.agreement).map(o => h("tr", { testid: `public-agreement-${o.offerId}` },
    h("th", { scope: "row", text: `#${o.offerId}` }),
    h("td", { text: listJoin(o.acceptedBy.map(party)) }),
    h("td", { text: o.binding.length ? o.binding.map(names.issue).join(", ") : "nothing yet" }),
    h("td", { text: o.signedBy.length ? o.signedBy.map(party).join(", ") : "–" }))));
}
