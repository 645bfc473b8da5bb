// @ts-check
// The offers that involve the player, the agreements awaiting their signature, and the board of what is settled.

import { describePackage, termsInOrder } from "../../game/names.js";
import { field, h } from "../../ui/dom.js";
import { listJoin, points } from "../../ui/format.js";
import { prefillCounter } from "./builder.js";
import { playerCommand } from "./command.js";

export function renderInbox(ctx) {
  const { root, view } = ctx;
  const offers = view.inbox.map(offer => offerCard(ctx, offer));
  field(root, "inbox").replaceChildren(...(offers.length ? offers : [h("p", { class: "muted", text: "No open offers involve you right now." })]));
}

function offerCard(ctx, offer) {
  const { names, seat, view } = ctx;
  const mine = offer.proposer === seat.partyId;
  const accepted = offer.acceptedBy.includes(seat.partyId);
  const redLines = new Set(view.redLines);
  const terms = termsInOrder(offer.package, names).map(([issue, option]) => h("li", {
    class: redLines.has(`${issue}/${option}`) ? "red-line" : null,
    text: `${names.issue(issue)}: ${names.option(issue, option)}`,
  }));
  const actions = [];
  if (mine) {
    actions.push(h("button", { type: "button", text: "Withdraw", testid: `withdraw-${offer.offerId}`,
      onclick: () => playerCommand(ctx, { type: "withdraw", offerId: offer.offerId }, `Offer #${offer.offerId} withdrawn.`) }));
  } else {
    if (!accepted) {
      actions.push(h("button", { type: "button", class: "primary", text: "Accept", testid: `accept-${offer.offerId}`,
        onclick: () => playerCommand(ctx, { type: "accept", offerId: offer.offerId }, `You accepted offer #${offer.offerId}.`) }));
    }
    if (offer.needsMyAnswer) {
      actions.push(h("button", { type: "button", text: "Reject", testid: `reject-${offer.offerId}`,
        onclick: () => playerCommand(ctx, { type: "reject", offerId: offer.offerId }, `You rejected offer #${offer.offerId}.`) }));
    }
    actions.push(h("button", { type: "button", class: "ghost", text: "Counter", testid: `counter-${offer.offerId}`, onclick: () => prefillCounter(ctx, offer) }));
  }
  return h("article", { class: "offer party-accent", party: offer.proposer, testid: `inbox-offer-${offer.offerId}` },
    h("h3", { text: `Offer #${offer.offerId} from ${mine ? "you" : names.party(offer.proposer)}` }),
    h("p", { class: "muted", text: `To ${listJoin(offer.addressees.map(names.party))} · accepted by ${listJoin(offer.acceptedBy.map(names.party))}` }),
    h("ul", { class: "terms" }, ...terms),
    h("p", {}, "My score: ", h("strong", { text: points(offer.myUtility), testid: `offer-utility-${offer.offerId}` })),
    offer.crossesMyRedLine && h("p", { class: "warning", text: "This offer crosses one of your red lines." }),
    accepted && !mine && h("p", { class: "muted", text: "You have accepted; waiting for the others." }),
    h("div", { class: "row wrap" }, ...actions));
}

export function renderAgreements(ctx) {
  const { root, view, names } = ctx;
  const items = view.agreementsAwaitingSignature.map(id => {
    const pkg = ctx.offers.get(id)?.package;
    return h("li", { class: "agreement", testid: `agreement-${id}` },
      h("span", { text: `Agreement #${id}${pkg ? `: ${describePackage(pkg, names)}` : ""}` }),
      h("button", { type: "button", class: "primary", text: "Sign", testid: `sign-${id}`,
        onclick: () => playerCommand(ctx, { type: "sign", agreementId: id }, `You signed agreement #${id}.`) }));
  });
  field(root, "agreements").replaceChildren(...(items.length ? items : [h("li", { class: "muted", text: "Nothing waits for your signature." })]));
  renderBoard(ctx);
}

/** Every settled issue: binding or provisional, who signed, and who still must sign before it binds. */
function renderBoard(ctx) {
  const { root, view, names } = ctx;
  const rows = (view.settlements ?? []).map(s => h("tr", { class: s.binding ? "binding" : "provisional", testid: `board-${s.issueId}` },
    h("th", { scope: "row", text: names.issue(s.issueId) }),
    h("td", { text: names.option(s.issueId, s.optionId) }),
    h("td", { text: s.binding ? "binding" : "provisional" }),
    h("td", { text: `#${s.agreementId} · ${listJoin(s.signatories.map(names.party))}` }),
    h("td", { text: s.stillMustSign.length ? listJoin(s.stillMustSign.map(names.party)) : "–" })));
  field(root, "board").replaceChildren(...(rows.length ? rows
    : [h("tr", {}, h("td", { colSpan: 5, class: "muted", text: "Nothing is agreed yet: every issue is at its no-deal option." }))]));
}
