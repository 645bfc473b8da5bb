// @ts-check
// The public life of each offer, folded from the event stream (player and spectator pages).

/** @import { GameEvent, TrackedOffer } from "../types.js" */

/**
 * @param {Map<number, TrackedOffer>} offers offer id → offer, updated in place
 * @param {GameEvent} e
 * @returns {boolean} whether the event was about an offer
 */
export function trackOffer(offers, e) {
  const d = e.data;
  const offer = offers.get(d.offerId ?? d.agreementId);
  switch (e.type) {
    case "OfferTabled":
      offers.set(d.offerId, /** @type {TrackedOffer} */ ({ ...d, status: "open", acceptedBy: [d.proposer], signedBy: [], binding: [] }));
      break;
    case "OfferAccepted": if (offer) offer.acceptedBy.push(d.party); break;
    case "OfferRejected": if (offer) Object.assign(offer, { status: "rejected", rejectedBy: d.party }); break;
    case "OfferWithdrawn": if (offer) offer.status = "withdrawn"; break;
    case "OfferExpired": if (offer) offer.status = "expired"; break;
    case "AgreementConcluded":
      if (offer) Object.assign(offer, { status: "agreement", agreement: true, acceptedBy: d.signatories, binding: [...d.bindingIssues] });
      break;
    case "AgreementSigned":
      if (offer) { offer.signedBy.push(d.party); offer.binding.push(...d.newlyBindingIssues); }
      break;
    default: return false;
  }
  return true;
}
