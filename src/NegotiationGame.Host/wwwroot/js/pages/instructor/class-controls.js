// @ts-check
// The class-wide controls: pause, resume, extend by any amount, news (now or at the start of a later round) and the
// end of an untimed briefing, sent to every game at once (instructClass), with what each game made of it.

import { callUntilAnswered } from "../../net/connection.js";
import { newCommandId } from "../../net/command-id.js";
import { errorText } from "../../net/replies.js";
import { h, toast } from "../../ui/dom.js";
import { waitingAcross } from "../../game/scheduled-news.js";
import { classControlStates } from "./game-controls.js";
import { newsCommand, offerRounds, renderWaiting, whenControl } from "./news-planner.js";

/** @import { Clock } from "../../types.js" */
/** @import { WaitingNews } from "../../game/scheduled-news.js" */
/** @import { ClassControlType } from "./game-controls.js" */

/** @typedef {{ gameId: string, ok: boolean, error?: { code: string, message: string } }} GameAnswer */

/**
 * One line for the instructor: how many games took the command, and each refusal with its game.
 * @param {string} done what happened, in the past tense ("paused")
 * @param {GameAnswer[]} games
 */
export function summariseAnswers(done, games) {
  const accepted = games.filter(game => game.ok).length;
  const refused = games.filter(game => !game.ok).map(game => `${game.gameId}: ${game.error?.message ?? "refused"}`);
  return [`${accepted} of ${games.length} game(s) ${done}.`, ...refused].join(" ");
}

/**
 * @param {string} token the instructor's token
 * @param {() => void} onChange after every answer
 * @returns {{ node: HTMLElement, update: (clocks: Clock[], rounds: number[], waitingPerGame: WaitingNews[][]) => void }}
 */
export function buildClassControls(token, onChange) {
  const status = h("p", { class: "muted class-control-status", role: "status", testid: "class-control-status" });

  /**
   * @param {{ type: string } & Record<string, any>} command
   * @param {string} done
   */
  async function instructAll(command, done) {
    // One id for the call and its retries: a lost answer sent again counts once in every game.
    const result = await callUntilAnswered("instructClass", { token, commandId: newCommandId(), command });
    if (!result.ok) {
      toast(errorText(result), "error");
      status.textContent = errorText(result);
    } else {
      const text = summariseAnswers(done, result.games ?? []);
      status.textContent = text;
      toast(text, (result.games ?? []).every(game => game.ok) ? "info" : "error");
    }
    onChange();
    return result.ok;
  }

  const pause = h("button", { type: "button", text: "Pause all", testid: "class-pause", onclick: () => instructAll({ type: "pause" }, "paused") });
  const resume = h("button", { type: "button", text: "Resume all", testid: "class-resume", onclick: () => instructAll({ type: "resume" }, "resumed") });
  const startNegotiation = h("button", { type: "button", text: "Start the negotiation everywhere", testid: "class-start-negotiation",
    onclick: () => instructAll({ type: "startNegotiation" }, "opened round 1") });
  const reason = h("p", { class: "muted control-reason", role: "status", testid: "class-control-reason" });
  const minutes = h("input", { type: "number", name: "minutes", min: "1", max: "1440", step: "1", value: "5", required: true, testid: "class-extend-minutes", "aria-label": "Minutes to add" });
  const extendButton = h("button", { type: "submit", text: "Extend all", testid: "class-extend" });
  const extendForm = h("form", { class: "row wrap", onsubmit: event => {
    event.preventDefault();
    const seconds = Math.round(Number(minutes.value) * 60);
    if (!Number.isFinite(seconds) || seconds < 60 || seconds > 86400) return toast("Extend by 1 to 1,440 minutes.", "error");
    instructAll({ type: "extend", seconds }, `extended by ${minutes.value} min`);
  } }, h("label", { class: "inline", text: "Extend every game by " }, minutes, " min"), extendButton);

  const headline = h("input", { name: "headline", required: true, maxLength: 200, testid: "class-news-headline" });
  const body = h("textarea", { name: "body", rows: 2, maxLength: 4000, testid: "class-news-body" });
  const when = whenControl("class-news-when");
  const newsForm = h("form", { class: "form-grid", onsubmit: async event => {
    event.preventDefault();
    const command = newsCommand(when.select, headline.value.trim(), body.value.trim());
    const ok = await instructAll(command, command.type === "news" ? "received the news" : `will publish it when round ${command.round} begins`);
    if (ok) newsForm.reset();
  } },
  h("label", { text: "Headline " }, headline), h("label", { text: "Body " }, body), when.label,
  h("button", { type: "submit", text: "Send news to every game", testid: "class-news-submit" }));
  const waitingList = h("ul", { class: "waiting-list", testid: "class-waiting-news", "aria-label": "News waiting in the games for a later round", hidden: true });
  /** @param {WaitingNews} news */
  const takeBack = news => instructAll({ type: "cancelScheduledNews", round: news.round, headline: news.headline }, "took it back");

  const node = h("section", { class: "card class-controls", testid: "class-controls", "aria-labelledby": "class-controls-title" },
    h("h2", { id: "class-controls-title", text: "Every game at once" }),
    h("div", { class: "controls", role: "group", "aria-label": "Class-wide controls" }, pause, resume, startNegotiation),
    reason,
    extendForm,
    h("details", {}, h("summary", { text: "News to every game" }), newsForm, waitingList),
    status);

  /** @type {[HTMLButtonElement, ClassControlType, string][]} each control, its command, and what it does when on */
  const controls = [[pause, "pause", ""], [resume, "resume", ""], [extendButton, "extend", ""],
    [startNegotiation, "startNegotiation", "Ends every briefing (an untimed one too) and opens round 1"]];

  /**
   * @param {Clock[]} clocks each running game's clock
   * @param {number[]} rounds the rounds whose start can still bring news in at least one game
   * @param {WaitingNews[][]} waitingPerGame what waits in each running game
   */
  function update(clocks, rounds, waitingPerGame) {
    const states = classControlStates(clocks);
    const reasons = new Set();
    for (const [button, type, help] of controls) {
      button.disabled = states[type] !== null;
      button.title = states[type] ?? help;
      if (states[type]) reasons.add(states[type]);
    }
    minutes.disabled = states.extend !== null;
    reason.textContent = [...reasons].join(" ");
    offerRounds(when.select, rounds);
    renderWaiting(waitingList, waitingAcross(waitingPerGame), "class-waiting", takeBack);
  }

  return { node, update };
}
