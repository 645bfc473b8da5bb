// @ts-check
// One game on the instructor's page: its join codes, spectator link, clock, controls, news and live feed.

import { applyToClock, clockFromSummary } from "../../game/clock.js";
import { describeEvent } from "../../game/event-text.js";
import { plainNames, scenarioNames } from "../../game/names.js";
import { debriefLink, joinLink, spectatorLink } from "../../links.js";
import { call } from "../../net/connection.js";
import { watchGame } from "../../net/game-streams.js";
import { mountBoard } from "../../board/board.js";
import { errorText } from "../../net/replies.js";
import { renderClock } from "../../ui/clock.js";
import { buttonIn, copyText, field, formIn, fromTemplate, h, replaceIfChanged, toast } from "../../ui/dom.js";
import { appendFeed } from "../../ui/feed.js";
import { showQr } from "../../ui/qr.js";
import { foldWaitingNews, inRoundOrder, schedulableRounds } from "../../game/scheduled-news.js";
import { AlertWatch } from "./alerts.js";
import { controlStates, processNowEnds } from "./game-controls.js";
import { newsCommand, offerRounds, renderWaiting, whenControl } from "./news-planner.js";

/** @import { Clock, Names } from "../../types.js" */
/** @import { GameAlert } from "./alerts.js" */
/** @import { WaitingNews } from "../../game/scheduled-news.js" */

/**
 * @param {string} gameId
 * @param {any} saved what this browser keeps of the class
 * @param {string} token
 * @param {{ onChange: () => void, onAlert: (alert: GameAlert) => void, onRosterChange: () => void }} listeners onChange:
 *   the game moved (its clock, phase or last event); onAlert: something in it deserves the instructor's attention;
 *   onRosterChange: a role went to a bot or to students, so the class's roster is worth reading again
 */
export function buildGameCard(gameId, saved, token, { onChange, onAlert, onRosterChange }) {
  const node = fromTemplate("tpl-game-card");
  node.dataset.testid = `game-${gameId}`;
  field(node, "gameId").textContent = gameId;
  field(node, "clock").dataset.testid = `clock-${gameId}`;
  const debrief = field(node, "debriefLink");
  debrief.href = debriefLink(gameId);
  debrief.dataset.testid = `debrief-link-${gameId}`;
  const feed = field(node, "feed");
  feed.dataset.testid = `feed-${gameId}`;
  // The game page opens on the board the spectators and the projector see, fed by this card's own stream.
  const boardNode = h("div");
  node.querySelector("header").after(h("details", { class: "game-card-board", open: true, testid: `board-of-${gameId}` },
    h("summary", { text: "The board, as spectators see it" }), boardNode));
  const board = mountBoard(boardNode);
  let boardHasScenario = false;

  const spectatorToken = saved.spectatorTokens?.[gameId];
  const link = field(node, "spectatorLink");
  link.dataset.testid = `spectator-link-${gameId}`;
  if (spectatorToken) {
    const url = spectatorLink(gameId, spectatorToken);
    Object.assign(link, { href: url, textContent: url });
    node.querySelector("[data-action=copy-spectator]").addEventListener("click", () => copyText(url));
  } else {
    link.textContent = "only shown in the browser that created the class";
    buttonIn(node, "[data-action=copy-spectator]").hidden = true;
  }

  const buttons = /** @type {NodeListOf<HTMLButtonElement>} */ (node.querySelectorAll("[data-command]"));
  for (const button of buttons) {
    const type = button.dataset.command;
    button.dataset.testid = `${type === "processNow" ? "process-now" : type}-${gameId}`;
    button.addEventListener("click", () => instructGame(type));
  }
  const extendMinutes = /** @type {HTMLInputElement} */ (field(node, "extendMinutes"));
  extendMinutes.dataset.testid = `extend-minutes-${gameId}`;
  const controlReason = field(node, "controlReason");
  controlReason.dataset.testid = `control-reason-${gameId}`;

  const newsForm = formIn(node, "[data-role=news]");
  newsForm.elements.headline.dataset.testid = `news-headline-${gameId}`;
  newsForm.elements.body.dataset.testid = `news-body-${gameId}`;
  const newsSubmit = buttonIn(newsForm, "[type=submit]");
  newsSubmit.dataset.testid = `news-submit-${gameId}`;
  const when = whenControl(`news-when-${gameId}`);
  newsSubmit.before(when.label);
  const waitingList = h("ul", { class: "waiting-list", testid: `waiting-news-${gameId}`, "aria-label": "News waiting for a later round", hidden: true });
  newsForm.after(waitingList);
  newsForm.addEventListener("submit", async event => {
    event.preventDefault();
    const ok = await instruct(newsCommand(when.select, newsForm.elements.headline.value.trim(), newsForm.elements.body.value.trim()));
    if (ok) newsForm.reset();
  });
  /** @type {WaitingNews[]} folded from this card's stream */
  let waiting = [];
  /** @param {WaitingNews} news */
  const takeBack = news => instruct({ type: "cancelScheduledNews", round: news.round, headline: news.headline });

  async function instructGame(type) {
    if (type === "end" && !confirm(`End game ${gameId} now? Scores are final.`)) return;
    if (type === "processNow" && processNowEnds(clock, rounds) && !confirm(`Round ${clock.round} is the last: processing it now ends game ${gameId}. Scores are final. Go on?`)) return;
    const seconds = Math.round(Number(extendMinutes.value) * 60);
    if (type === "extend" && (!Number.isFinite(seconds) || seconds < 1 || seconds > 86400)) return toast("Extend by up to 1,440 minutes.", "error");
    const command = type === "extend" ? { type, seconds } : { type };
    await instruct(command);
  }

  /** @type {Clock} */
  let clock = clockFromSummary(null);
  /** @type {number | undefined} */
  let rounds;

  /** Each control enabled only when the game would take it; a disabled one says why, on hover and in words. */
  function renderControls() {
    const states = controlStates(clock);
    const reasons = new Set();
    for (const button of buttons) {
      const reason = states[button.dataset.command] ?? null;
      button.disabled = reason !== null;
      button.title = reason ?? "";
      if (reason) reasons.add(reason);
    }
    extendMinutes.disabled = states.extend !== null;
    newsSubmit.disabled = clock.phase === "Ended";
    offerRounds(when.select, schedulableRounds(clock, rounds));
    renderWaiting(waitingList, clock.phase === "Ended" ? [] : inRoundOrder(waiting), `waiting-${gameId}`, takeBack);
    controlReason.textContent = clock.phase === "Ended" ? "The game has ended: its controls are off."
      : clock.paused ? "Paused: players cannot act until you resume."
      : clock.phase === "Briefing" && !clock.deadline ? "Untimed briefing: it lasts until you start the negotiation."
      : processNowEnds(clock, rounds) ? "Last round: Process now ends the game."
      : "";
  }

  function showClock() {
    renderClock(field(node, "clock"), clock, rounds);
    renderControls();
  }

  async function instruct(command) {
    const result = await call("instruct", { token, gameId, command });
    if (!result.ok) toast(errorText(result), "error");
    onChange();
    return result.ok;
  }

  /**
   * @param {any} cls the class as getClass returns it
   * @param {any} summary this game's summary, once the class has started
   * @param {Names} classNames
   */
  function update(cls, summary, classNames) {
    const codes = cls.joinCodes.filter(c => c.gameId === gameId && c.partyId);
    replaceIfChanged(field(node, "codes"), [codes, cls.roster, cls.bots, classNames !== plainNames],
      () => codes.map(code => codeRow(cls, gameId, code, classNames)));
    // The stream keeps the clock once it follows the game; until then the class's summary draws it.
    if (summary && !following) {
      clock = clockFromSummary(summary);
      showClock();
    }
  }

  let watchFailed = false;
  let following = false;
  let lastEvent = "";
  let names = plainNames;
  /** @type {AlertWatch | null} */
  let alerts = null;
  function watch() {
    following = true;
    watchGame(gameId, token, {
      onSummary: (summary, scenario) => {
        if (scenario) {
          names = scenarioNames(scenario);
          rounds = scenario.rounds;
          // Once: a later summary must not wipe what the board has folded.
          if (!boardHasScenario) { boardHasScenario = true; board.setScenario(scenario); }
        }
        // A summary comes before the events it has folded in: alerts start from the whole log each time it is read again.
        if (!alerts) alerts = new AlertWatch(gameId, (scenario?.parties ?? []).map(party => party.id));
        if (summary) clock = clockFromSummary(summary);
        showClock();
      },
      onEvent: (e, fresh) => {
        watchFailed = false;
        lastEvent = describeEvent(e, names);
        appendFeed(feed, e, names);
        board.apply(e);
        waiting = foldWaitingNews(waiting, e);
        if (fresh) applyToClock(clock, e);
        for (const alert of alerts?.take(e) ?? []) if (fresh) onAlert(alert);
        if (fresh && e.type === "PlayerChanged") onRosterChange();
        showClock();
        onChange();
      },
      onError: error => {
        if (!watchFailed) toast(`Watching ${gameId}: ${error?.message ?? "failed"}`, "error");
        watchFailed = true;
      },
    });
  }

  /** The newest event of the game in words, once this card follows it. */
  const lastEventText = () => lastEvent;

  /** The game's clock as this card follows it. */
  const currentClock = () => clock;

  /** What waits in this game for a later round, in the order it will come out. */
  const waitingNews = () => (clock.phase === "Ended" ? [] : inRoundOrder(waiting));

  return { node, update, watch, lastEventText, currentClock, waitingNews };
}

/**
 * @param {any} cls
 * @param {string} gameId
 * @param {{ code: string, partyId: string }} code
 * @param {Names} names
 */
function codeRow(cls, gameId, code, names) {
  const url = joinLink(cls.classId, code.code);
  const seated = cls.roster.filter(s => s.gameId === gameId && s.partyId === code.partyId).map(s => s.displayName);
  const bot = cls.bots?.[`${gameId}/${code.partyId}`];
  if (bot) seated.push(`bot (${bot})`);
  return h("tr", {},
    h("th", { scope: "row", class: "party-tag", party: code.partyId, text: names.party(code.partyId) }),
    h("td", { class: "code", text: code.code }),
    h("td", { class: "link-cell" },
      h("a", { href: url, text: url, testid: `join-link-${gameId}-${code.partyId}` }),
      h("button", { type: "button", class: "small", text: "Copy", "aria-label": `Copy join link for ${names.party(code.partyId)}`, onclick: () => copyText(url) }),
      h("button", { type: "button", class: "small", text: "QR", testid: `qr-${gameId}-${code.partyId}`, "aria-label": `Show the QR code of the join link for ${names.party(code.partyId)}`,
        onclick: () => showQr(url, `${names.party(code.partyId)} in ${gameId} · code ${code.code}`) })),
    h("td", { text: seated.join(", ") || "–" }));
}
