// @ts-check
// The student's console: brief and points from joining on, then the clock, inbox, my offers, offer builder, talk,
// the board and the live feed of the game, in the sections of tabs.js.

import { applyToClock, clockFromSummary } from "../../game/clock.js";
import { plainNames, scenarioNames } from "../../game/names.js";
import { trackOffer } from "../../game/offers.js";
import { paintParty, usePartyColours } from "../../game/party-colours.js";
import { call } from "../../net/connection.js";
import { watchGame } from "../../net/game-streams.js";
import { errorText, FATAL_CODES, RETRY_MS } from "../../net/replies.js";
import { onCleanup, route } from "../../router.js";
import { forgetSeat, refreshSeat } from "../../seats.js";
import { store } from "../../store.js";
import { renderClock } from "../../ui/clock.js";
import { field, fromTemplate } from "../../ui/dom.js";
import { appendFeed } from "../../ui/feed.js";
import { points } from "../../ui/format.js";
import { renderBrief } from "./brief.js";
import { buildOfferBuilder, updateBuilderAvailability, updateBuilderSummary } from "./builder.js";
import { playerCommand } from "./command.js";
import { showEndScreen } from "./end-screen.js";
import { renderAgreements, renderInbox } from "./inbox.js";
import { renderMyOffers } from "./my-offers.js";
import { showSeatEnded } from "./seat-ended.js";
import { buildTabs } from "./tabs.js";
import { talkClockChanged, talkEvent } from "./talk.js";

/** @import { Clock, GameView, Names, PublicScenario, Seat, TrackedOffer } from "../../types.js" */

/**
 * What the player's console knows, shared by its parts.
 * @typedef {object} PlayerContext
 * @property {Seat} seat
 * @property {HTMLElement} root
 * @property {GameView | null} view the last getView, null until the game has started
 * @property {PublicScenario | null} scenario from the briefing (or the first view)
 * @property {Names} names
 * @property {Clock} clock
 * @property {Map<number, TrackedOffer>} offers
 * @property {boolean} builderReady
 * @property {number | null} counterTo the offer the builder counters, if any
 * @property {boolean} walkedAway
 * @property {boolean} [ended]
 * @property {boolean} [seatEnded] the server ended the feed because the seat changed (seat-ended.js says why)
 * @property {HTMLElement} [endScreen] the end screen, once the game has ended
 * @property {() => void} [refreshView] asks for the view again soon
 * @property {() => void} [retryView] asks for the view again after a pause
 * @property {import("./tabs.js").ConsoleTabs} [tabs]
 */

/** @param {HTMLElement} app */
export function showPlay(app) {
  /** @type {Seat | null} */
  const seat = store.get("player");
  if (!seat?.token) { location.hash = "#/join"; return; }
  const root = fromTemplate("tpl-play");
  /** @type {PlayerContext} */
  const ctx = { seat, root, view: null, scenario: null, names: plainNames, clock: clockFromSummary(null), offers: new Map(), builderReady: false, counterTo: null, walkedAway: false };
  let viewTimer = 0;
  const reload = delay => { clearTimeout(viewTimer); viewTimer = setTimeout(() => loadView(ctx), delay); };
  ctx.refreshView = () => reload(250);
  ctx.retryView = () => reload(RETRY_MS);
  onCleanup(() => clearTimeout(viewTimer));

  root.querySelector("[data-action=walk-away]").addEventListener("click", () => walkAway(ctx));
  root.querySelector("[data-action=leave]").addEventListener("click", () => {
    if (!confirm("Sign out of this seat on this device? You need a join code to come back.")) return;
    if (seat.classId) forgetSeat(seat.classId);
    store.remove("player");
    location.hash = "#/";
  });
  app.append(root);
  ctx.tabs = buildTabs(root, "brief");
  renderClock(field(root, "clock"), ctx.clock);
  loadBriefing(ctx);
  loadView(ctx);
}

const WAITING = "Waiting for the instructor to start the class… Meanwhile, read your brief and your points.";

/** The role, readable before the game exists; retried until it comes, as a lobby may outlive a server restart. */
async function loadBriefing(ctx) {
  const result = await call("getBriefing", { token: ctx.seat.token });
  if (!document.contains(ctx.root)) return;
  if (!result.ok) {
    if (!FATAL_CODES.includes(result.error?.code)) setTimeout(() => { if (!ctx.scenario) loadBriefing(ctx); }, RETRY_MS);
    return;
  }
  useScenario(ctx, result.scenario);
  renderBrief(ctx, result.briefing, result.scenario);
}

/** @param {PlayerContext} ctx @param {PublicScenario} scenario */
function useScenario(ctx, scenario) {
  if (ctx.scenario) return;
  ctx.scenario = scenario;
  usePartyColours(scenario.parties);
  paintParty(ctx.root, ctx.seat.partyId);
  ctx.names = scenarioNames(scenario);
}

async function loadView(ctx) {
  const result = await call("getView", { token: ctx.seat.token });
  if (!document.contains(ctx.root)) return;
  if (!result.ok) {
    const code = result.error?.code;
    // The token stops counting when the instructor moves the seat or gives the role to a bot: ask with the seat secret.
    if (code === "Unauthorized" && await refreshSeat(ctx.seat)) return route();
    if (ctx.seatEnded) return;
    setNotice(ctx, code === "GameNotFound" ? WAITING : errorText(result));
    if (!FATAL_CODES.includes(code)) ctx.retryView();
    return;
  }
  if (!ctx.ended && !ctx.walkedAway) setNotice(ctx, "");
  ctx.view = result.view;
  if (!ctx.builderReady) {
    // The feed waits for the scenario so that every sentence can use party names and option labels.
    useScenario(ctx, result.scenario);
    renderBrief(ctx, result.view, /** @type {PublicScenario} */ (ctx.scenario));
    if (result.view.bot) field(ctx.root, "leader").textContent = `${result.view.leader} · played by a bot (${result.view.bot})`;
    buildOfferBuilder(ctx);
    startPlayerStream(ctx);
    ctx.tabs?.suggest("offers");
  }
  renderPlayerState(ctx);
}

function setNotice(ctx, message) {
  const node = field(ctx.root, "notice");
  node.textContent = message;
  node.hidden = !message;
}

function startPlayerStream(ctx) {
  watchGame(ctx.seat.gameId, ctx.seat.token, {
    onSummary: summary => { ctx.clock = clockFromSummary(summary); renderPlayerClock(ctx); ctx.refreshView(); },
    onEvent: (e, fresh) => {
      if (trackOffer(ctx.offers, e)) renderMyOffers(ctx);
      noteOwnFate(ctx, e);
      appendFeed(field(ctx.root, "feed"), e, ctx.names);
      talkEvent(ctx, e);
      if (fresh && applyToClock(ctx.clock, e)) renderPlayerClock(ctx);
      if (fresh) ctx.refreshView();
    },
    onError: error => setNotice(ctx, error?.code === "GameNotFound" ? WAITING : error?.message),
    onEnded: ended => {
      // seat-ended.js says why; a refusal of the stale token said before or after would only repeat it less clearly.
      ctx.seatEnded = true;
      setNotice(ctx, "");
      showSeatEnded(ctx.root, ctx.seat, ended);
    },
  });
}

function noteOwnFate(ctx, e) {
  if (e.type === "PartyWalkedAway" && e.data.party === ctx.seat.partyId) {
    ctx.walkedAway = true;
    setNotice(ctx, "You have walked away from the table.");
  } else if (e.type === "GameEnded") {
    ctx.ended = true;
    setNotice(ctx, `The game is over. Your final score: ${points(e.data.scores?.[ctx.seat.partyId])}`);
    showEndScreen(ctx);
  }
}

function renderPlayerClock(ctx) {
  renderClock(field(ctx.root, "clock"), ctx.clock, ctx.scenario?.rounds);
  updateBuilderAvailability(ctx);
  renderMyOffers(ctx);
  talkClockChanged(ctx);
}

function renderPlayerState(ctx) {
  const { root, view } = ctx;
  field(root, "binds").textContent = points(view.utilityOfWhatBinds);
  renderInbox(ctx);
  renderAgreements(ctx);
  renderMyOffers(ctx);
  updateBuilderSummary(ctx);
  updateBuilderAvailability(ctx);
}

async function walkAway(ctx) {
  if (!confirm("Walk away for good? You cannot come back to the table.")) return;
  if (await playerCommand(ctx, { type: "walkAway" }, "You walked away.")) {
    noteOwnFate(ctx, { type: "PartyWalkedAway", data: { party: ctx.seat.partyId } });
    updateBuilderAvailability(ctx);
  }
}
