// @ts-check
// The offers that involve the player, the agreements awaiting their signature, and the board of what is settled.
// Before Accept or Sign each shows what would bind and the player's score after, and asks when that falls below the
// reservation value.

import { describePackage } from "../../game/names.js";
import { previewAccept, previewSign } from "../../game/outcome.js";
import { refusalReason } from "../../game/refusals.js";
import { field, h, replaceIfChanged } from "../../ui/dom.js";
import { listJoin, points } from "../../ui/format.js";
import { prefillCounter } from "./builder.js";
import { playerCommand } from "./command.js";
import { changesNote, confirmBelowReservation, previewNote, termsList } from "./offer-parts.js";

/** @import { InboxOffer } from "../../types.js" */
/** @import { PlayerContext } from "./page.js" */

/** @param {PlayerContext} ctx */
export function renderInbox(ctx) {
  const { root, view } = ctx;
  // Rebuilt only when what it shows changed: a button replaced between a press and its release loses the click, and
  // the view is read again after every event of the game.
  const shown = [view?.inbox ?? [], view?.settlements ?? [], refusalReason(ctx.clock, ctx.walkedAway), ctx.offers.size, ctx.scenario?.id ?? null];
  replaceIfChanged(field(root, "inbox"), shown, () => {
    const offers = (view?.inbox ?? []).map(offer => offerCard(ctx, offer));
    return offers.length ? offers : [h("p", { class: "muted", text: "No open offers involve you right now." })];
  });
}

/**
 * @param {PlayerContext} ctx
 * @param {InboxOffer} offer
 */
function offerCard(ctx, offer) {
  const { names, seat } = ctx;
  const view = /** @type {NonNullable<PlayerContext["view"]>} */ (ctx.view);
  const scenario = /** @type {NonNullable<PlayerContext["scenario"]>} */ (ctx.scenario);
  const accepted = offer.acceptedBy.includes(seat.partyId);
  const preview = previewAccept({ scenario, profile: view, settlements: view.settlements ?? [], me: seat.partyId, offer });
  // While the server would refuse an answer (paused, over), the buttons are off and say why.
  const refused = refusalReason(ctx.clock, ctx.walkedAway);
  const actions = [];
  if (!accepted) {
    actions.push(h("button", { type: "button", class: "primary", text: "Accept", testid: `accept-${offer.offerId}`, disabled: refused !== null, title: refused,
      onclick: () => {
        if (!confirmBelowReservation(ctx, preview, "accept")) return;
        playerCommand(ctx, { type: "accept", offerId: offer.offerId }, `You accepted offer #${offer.offerId}.`);
      } }));
  }
  if (offer.needsMyAnswer) {
    actions.push(h("button", { type: "button", text: "Reject", testid: `reject-${offer.offerId}`, disabled: refused !== null, title: refused,
      onclick: () => playerCommand(ctx, { type: "reject", offerId: offer.offerId }, `You rejected offer #${offer.offerId}.`) }));
  }
  actions.push(h("button", { type: "button", class: "ghost", text: "Counter", testid: `counter-${offer.offerId}`, onclick: () => prefillCounter(ctx, offer) }));
  return h("article", { class: "offer party-accent", party: offer.proposer, testid: `inbox-offer-${offer.offerId}` },
    h("h3", { text: `Offer #${offer.offerId} from ${names.party(offer.proposer)}` }),
    h("p", { class: "muted", text: `To ${listJoin(offer.addressees.map(names.party))} · accepted by ${listJoin(offer.acceptedBy.map(names.party))}` }),
    termsList(ctx, offer.package),
    h("p", {}, "My score if all of it binds: ", h("strong", { text: points(offer.myUtility), testid: `offer-utility-${offer.offerId}` })),
    changesNote(ctx, offer),
    offer.crossesMyRedLine && h("p", { class: "warning", text: "This offer crosses one of your red lines." }),
    accepted ? h("p", { class: "muted", text: "You have accepted; waiting for the others." }) : previewNote(ctx, preview, "accept", offer.offerId),
    h("div", { class: "row wrap" }, ...actions));
}

/** @param {PlayerContext} ctx */
export function renderAgreements(ctx) {
  const { root, names, seat } = ctx;
  const view = /** @type {NonNullable<PlayerContext["view"]>} */ (ctx.view);
  const scenario = /** @type {NonNullable<PlayerContext["scenario"]>} */ (ctx.scenario);
  const refused = refusalReason(ctx.clock, ctx.walkedAway);
  const items = view.agreementsAwaitingSignature.map(id => {
    const pkg = ctx.offers.get(id)?.package;
    const preview = previewSign({ scenario, profile: view, settlements: view.settlements ?? [], me: seat.partyId, agreementId: id });
    return h("li", { class: "agreement", testid: `agreement-${id}` },
      h("span", { text: `Agreement #${id}${pkg ? `: ${describePackage(pkg, names)}` : ""}` }),
      previewNote(ctx, preview, "sign", id),
      h("button", { type: "button", class: "primary", text: "Sign", testid: `sign-${id}`, disabled: refused !== null, title: refused,
        onclick: () => {
          if (!confirmBelowReservation(ctx, preview, "sign")) return;
          playerCommand(ctx, { type: "sign", agreementId: id }, `You signed agreement #${id}.`);
        } }));
  });
  field(root, "agreements").replaceChildren(...(items.length ? items : [h("li", { class: "muted", text: "Nothing waits for your signature." })]));
  renderBoard(ctx);
}

/**
 * Every settled issue, in the scenario's order: binding or provisional, who signed, and who still must sign.
 * @param {PlayerContext} ctx
 */
function renderBoard(ctx) {
  const { root, names } = ctx;
  const settlements = [...(ctx.view?.settlements ?? [])].sort((a, b) => names.issueRank(a.issueId) - names.issueRank(b.issueId));
  const rows = settlements.map(s => h("tr", { class: s.binding ? "binding" : "provisional", testid: `board-${s.issueId}` },
    h("th", { scope: "row", text: names.issue(s.issueId) }),
    h("td", { text: names.option(s.issueId, s.optionId) }),
    h("td", { text: s.binding ? "binding" : "provisional" }),
    h("td", { text: `#${s.agreementId} · ${listJoin(s.signatories.map(names.party))}` }),
    h("td", { text: s.stillMustSign.length ? listJoin(s.stillMustSign.map(names.party)) : "–" })));
  field(root, "board").replaceChildren(...(rows.length ? rows
    : [h("tr", {}, h("td", { colSpan: 5, class: "muted", text: "Nothing is agreed yet: every issue is at its no-deal option." }))]));
}
