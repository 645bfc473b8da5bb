// @ts-check
// The spectator's view of one game: the public table, possibly delayed, with a live count of watchers.

import { applyToClock, clockFromSummary } from "../game/clock.js";
import { describePackage, plainNames, scenarioNames } from "../game/names.js";
import { trackOffer } from "../game/offers.js";
import { usePartyColours } from "../game/party-colours.js";
import { onHubMessage } from "../net/connection.js";
import { watchGame } from "../net/game-streams.js";
import { renderClock } from "../ui/clock.js";
import { field, fromTemplate, h, showError } from "../ui/dom.js";
import { appendFeed } from "../ui/feed.js";
import { listJoin } from "../ui/format.js";

/** @import { Names, TrackedOffer } from "../types.js" */

onHubMessage("spectators", message => {
  for (const node of document.querySelectorAll(`[data-spectators-of="${CSS.escape(message?.gameId ?? "")}"]`)) {
    node.textContent = spectatorText(message.count);
  }
});

const spectatorText = count => (count === 1 ? "· 1 spectator watching" : `· ${count} spectators watching`);

export function showWatch(app, params) {
  const gameId = params.get("game");
  const token = params.get("token");
  const root = fromTemplate("tpl-watch");
  const errorNode = field(root, "error");
  field(root, "gameId").textContent = gameId ?? "";
  app.append(root);
  if (!gameId || !token) return showError(errorNode, "This spectator link is incomplete: it needs a game and a token.");

  const offers = new Map();
  let clock = clockFromSummary(null);
  let names = plainNames;
  field(root, "spectators").dataset.spectatorsOf = gameId;
  renderClock(field(root, "clock"), clock);
  watchGame(gameId, token, {
    onSummary: (summary, scenario, delaySeconds) => {
      showError(errorNode, "");
      if (summary) field(root, "spectators").textContent = spectatorText(summary.spectators ?? 0);
      if (delaySeconds > 0) field(root, "delay").textContent = `The public table, ${delaySeconds} s behind the live game.`;
      if (scenario) {
        names = scenarioNames(scenario);
        usePartyColours(scenario.parties);
      }
      clock = clockFromSummary(summary);
      renderClock(field(root, "clock"), clock, scenario?.rounds);
    },
    onEvent: (e, fresh) => {
      appendFeed(field(root, "feed"), e, names);
      if (fresh && applyToClock(clock, e)) renderClock(field(root, "clock"), clock);
      if (trackOffer(offers, e)) renderPublicTables(root, offers, names);
    },
    onError: error => showError(errorNode, error?.code === "GameNotFound" ? "The game has not started yet; waiting…" : error?.message),
  });
}

/**
 * @param {TrackedOffer} offer
 * @param {Names} names
 */
function offerStatus(offer, names) {
  if (offer.status === "open") return `open · accepted by ${listJoin(offer.acceptedBy.map(names.party))}`;
  if (offer.status === "rejected") return `rejected by ${names.party(offer.rejectedBy)}`;
  return offer.status;
}

function renderPublicTables(root, offers, names) {
  const all = [...offers.values()].sort((a, b) => b.offerId - a.offerId);
  const party = names.party;
  field(root, "offers").replaceChildren(...all.map(o => h("tr", { class: `status-${o.status}`, testid: `public-offer-${o.offerId}` },
    h("th", { scope: "row", text: `#${o.offerId}` }),
    h("td", { class: "party-tag", party: o.proposer, text: party(o.proposer) }),
    h("td", { text: listJoin(o.addressees.map(party)) }),
    h("td", { text: describePackage(o.package, names) }),
    h("td", { text: offerStatus(o, names) }))));
  field(root, "agreements").replaceChildren(...all.filter(o => o.agreement).map(o => h("tr", { testid: `public-agreement-${o.offerId}` },
    h("th", { scope: "row", text: `#${o.offerId}` }),
    h("td", { text: listJoin(o.acceptedBy.map(party)) }),
    h("td", { text: o.binding.length ? o.binding.map(names.issue).join(", ") : "nothing yet" }),
    h("td", { text: o.signedBy.length ? o.signedBy.map(party).join(", ") : "–" }))));
}
