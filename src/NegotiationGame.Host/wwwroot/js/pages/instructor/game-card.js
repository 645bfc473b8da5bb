// @ts-check
// One game on the instructor's page: its join codes, spectator link, clock, controls, news and live feed.

import { clockFromSummary } from "../../game/clock.js";
import { describeEvent } from "../../game/event-text.js";
import { plainNames, scenarioNames } from "../../game/names.js";
import { debriefLink, joinLink, spectatorLink } from "../../links.js";
import { call } from "../../net/connection.js";
import { watchGame } from "../../net/game-streams.js";
import { errorText } from "../../net/replies.js";
import { renderClock } from "../../ui/clock.js";
import { buttonIn, copyText, field, formIn, fromTemplate, h, replaceIfChanged, toast } from "../../ui/dom.js";
import { appendFeed } from "../../ui/feed.js";
import { showQr } from "../../ui/qr.js";

/** @import { Names } from "../../types.js" */

export function buildGameCard(gameId, saved, token, onChange) {
  const node = fromTemplate("tpl-game-card");
  node.dataset.testid = `game-${gameId}`;
  field(node, "gameId").textContent = gameId;
  field(node, "clock").dataset.testid = `clock-${gameId}`;
  const debrief = field(node, "debriefLink");
  debrief.href = debriefLink(gameId);
  debrief.dataset.testid = `debrief-link-${gameId}`;
  const feed = field(node, "feed");
  feed.dataset.testid = `feed-${gameId}`;

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

  for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (node.querySelectorAll("[data-command]"))) {
    const type = button.dataset.command;
    button.dataset.testid = `${type === "processNow" ? "process-now" : type}-${gameId}`;
    button.addEventListener("click", () => instructGame(type));
  }

  const newsForm = formIn(node, "[data-role=news]");
  newsForm.elements.headline.dataset.testid = `news-headline-${gameId}`;
  newsForm.elements.body.dataset.testid = `news-body-${gameId}`;
  buttonIn(newsForm, "[type=submit]").dataset.testid = `news-submit-${gameId}`;
  newsForm.addEventListener("submit", async event => {
    event.preventDefault();
    const ok = await instruct({ type: "news", headline: newsForm.elements.headline.value.trim(), body: newsForm.elements.body.value.trim() });
    if (ok) newsForm.reset();
  });

  async function instructGame(type) {
    if (type === "end" && !confirm(`End game ${gameId} now? Scores are final.`)) return;
    const command = type === "extend" ? { type, seconds: 60 } : { type };
    await instruct(command);
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
    if (summary) renderClock(field(node, "clock"), clockFromSummary(summary));
  }

  let watchFailed = false;
  let lastEvent = "";
  let names = plainNames;
  function watch() {
    watchGame(gameId, token, {
      onSummary: (_summary, scenario) => { if (scenario) names = scenarioNames(scenario); },
      onEvent: e => { watchFailed = false; lastEvent = describeEvent(e, names); appendFeed(feed, e, names); onChange(); },
      onError: error => {
        if (!watchFailed) toast(`Watching ${gameId}: ${error?.message ?? "failed"}`, "error");
        watchFailed = true;
      },
    });
  }

  /** The newest event of the game in words, once this card follows it. */
  const lastEventText = () => lastEvent;

  return { node, update, watch, lastEventText };
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
