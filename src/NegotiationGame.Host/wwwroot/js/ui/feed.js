// @ts-check
// The event feed: newest first, capped so that a long game does not grow the page without end.

import { describeEvent } from "../game/event-text.js";
import { h } from "./dom.js";
import { formatTime } from "./format.js";

const FEED_LIMIT = 300;

/** @import { GameEvent, Names } from "../types.js" */

/**
 * @param {GameEvent} e
 * @param {Names} names
 */
export function feedItem(e, names) {
  const item = h("li", { class: `feed-item type-${e.type}`, "data-sequence": e.sequence },
    h("time", { datetime: e.at, text: formatTime(e.at) }),
    h("span", { text: describeEvent(e, names) }));
  if (e.type === "NewsInjected" && e.data.body) item.append(h("p", { class: "news-body", text: e.data.body }));
  return item;
}

/**
 * @param {HTMLElement} list
 * @param {GameEvent} e
 * @param {Names} names
 */
export function appendFeed(list, e, names) {
  // What the instructor prepares (news for a later round) reaches others as Withheld: nothing to show them.
  if (e.type === "Withheld") return;
  list.prepend(feedItem(e, names));
  while (list.children.length > FEED_LIMIT) list.lastElementChild.remove();
}
