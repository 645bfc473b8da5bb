// @ts-check
// The spectator's view of one game: the board (board/board.js) over the public offers and feed, possibly delayed,
// with a live count of watchers.

import { mountBoard } from "../board/board.js";
import { renderOfferTables } from "../board/offer-tables.js";
import { applyToClock, clockFromSummary } from "../game/clock.js";
import { plainNames, scenarioNames } from "../game/names.js";
import { trackOffer } from "../game/offers.js";
import { usePartyColours } from "../game/party-colours.js";
import { onHubMessage } from "../net/connection.js";
import { watchGame } from "../net/game-streams.js";
import { renderClock } from "../ui/clock.js";
import { field, fromTemplate, showError } from "../ui/dom.js";
import { appendFeed } from "../ui/feed.js";

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
  const board = mountBoard(field(root, "board"));
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
        if (!board.state()) board.setScenario(scenario);
      }
      clock = clockFromSummary(summary);
      renderClock(field(root, "clock"), clock, scenario?.rounds);
    },
    onEvent: (e, fresh) => {
      appendFeed(field(root, "feed"), e, names);
      board.apply(e);
      if (fresh && applyToClock(clock, e)) renderClock(field(root, "clock"), clock);
      if (trackOffer(offers, e)) renderPublicTables(root, offers, names);
    },
    onError: error => showError(errorNode, error?.code === "GameNotFound" ? "The game has not started yet; waiting…" : error?.message),
  });
}

function renderPublicTables(root, offers, names) {
  renderOfferTables(field(root, "offers"), field(root, "agreements"), offers, names);
}
