// @ts-check
// News now or at the start of a later round, for one game or the whole class: the "when" choice of a news form and
// the list of what waits, with a way to take each back.

import { h, replaceIfChanged } from "../../ui/dom.js";

/** @import { WaitingLine, WaitingNews } from "../../game/scheduled-news.js" */

/**
 * The "when" control of a news form; its value is "now" or a round's number.
 * @param {string} testid
 */
export function whenControl(testid) {
  const select = h("select", { name: "when", testid }, h("option", { value: "now", text: "Now" }));
  return { select, label: h("label", { text: "When " }, select) };
}

/**
 * Offers "now" and the start of each round that can still bring news, keeping the instructor's choice while it stands.
 * @param {HTMLSelectElement} select
 * @param {number[]} rounds
 */
export function offerRounds(select, rounds) {
  const chosen = select.value;
  replaceIfChanged(select, rounds, () => [
    h("option", { value: "now", text: "Now" }),
    ...rounds.map(round => h("option", { value: String(round), text: `At the start of round ${round}` })),
  ]);
  select.value = [...select.options].some(option => option.value === chosen) ? chosen : "now";
}

/**
 * The command the form asks for: news now, or news that waits for the chosen round.
 * @param {HTMLSelectElement} select
 * @param {string} headline
 * @param {string} body
 */
export function newsCommand(select, headline, body) {
  return select.value === "now" ? { type: "news", headline, body } : { type: "scheduleNews", round: Number(select.value), headline, body };
}

/**
 * What waits, in the order it will come out, each line with a button that takes it back.
 * @param {HTMLElement} list
 * @param {WaitingLine[]} waiting
 * @param {string} testPrefix
 * @param {(news: WaitingNews) => void} onCancel
 */
export function renderWaiting(list, waiting, testPrefix, onCancel) {
  list.hidden = waiting.length === 0;
  replaceIfChanged(list, waiting, () => waiting.map((news, index) => h("li", { class: "waiting-news", testid: `${testPrefix}-${index}` },
    h("span", { class: "waiting-round", text: `Round ${news.round}` }),
    h("span", { class: "waiting-headline", text: news.headline }),
    news.of ? h("span", { class: "muted", text: `in ${news.games} of ${news.of} games` }) : null,
    h("button", { type: "button", class: "small", text: news.of ? "Take back everywhere" : "Take back",
      "aria-label": `Take back "${news.headline}", waiting for round ${news.round}`, onclick: () => onCancel(news) }))));
}
