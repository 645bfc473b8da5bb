// @ts-check
// How the talk threads look: a thread's name in words (private or public, said, not only coloured), its button with
// the unread count, and one line of a thread.

import { PUBLIC_THREAD } from "../../game/talk-threads.js";
import { h } from "../../ui/dom.js";
import { formatTime, listJoin } from "../../ui/format.js";

/** @import { TalkMessage, TalkThread } from "../../game/talk-threads.js" */
/** @import { Names } from "../../types.js" */

/**
 * @param {TalkThread} thread
 * @param {string} self
 * @param {Names} names
 */
export function threadTitle(thread, self, names) {
  if (!thread.isPrivate) return "Public: everyone at the table";
  const others = listJoin(thread.parties.filter(p => p !== self).map(names.party));
  return thread.isMember ? `Private call with ${others}` : `Call between ${others} (you are not on it)`;
}

/**
 * @param {TalkThread} thread
 * @param {string} self
 * @param {Names} names
 */
export function threadNote(thread, self, names) {
  if (!thread.isPrivate) return "Public statements: every party and the spectators read them.";
  if (!thread.isMember) return "You see only that this call happened; its words show here if they are revealed when the game ends.";
  const others = listJoin(thread.parties.filter(p => p !== self).map(names.party));
  return `Private: only you, ${others} and the instructor read this while the game runs.`;
}

/**
 * @param {string} key
 * @returns {string} a data-testid suffix: the channel's parties joined by "-"
 */
export const threadTestId = key => `talk-thread-${key === PUBLIC_THREAD ? "public" : key.replaceAll("+", "-")}`;

/**
 * @param {TalkThread} thread
 * @param {{ self: string, names: Names, unread: number, selected: boolean, onSelect: () => void }} options
 */
export function threadButton(thread, { self, names, unread, selected, onSelect }) {
  const hiddenCount = thread.messages.filter(m => m.hidden).length;
  return h("li", {},
    h("button", {
      type: "button", class: `talk-thread${thread.isPrivate ? " private" : ""}`, "aria-current": selected ? "true" : null,
      testid: threadTestId(thread.key), onclick: onSelect,
    },
    thread.isPrivate && h("span", { class: "talk-tag", "aria-hidden": "true", text: "Private" }),
    h("span", { class: "talk-thread-name", text: threadTitle(thread, self, names) }),
    hiddenCount > 0 && h("span", { class: "muted", text: ` · ${hiddenCount} hidden` }),
    unread > 0 && h("span", { class: "talk-unread", testid: `${threadTestId(thread.key)}-unread`, text: `${unread} unread` })));
}

/**
 * @param {TalkMessage} message
 * @param {{ self: string, names: Names, onReply: (() => void) | null, replyLabel: string }} options
 */
export function messageItem(message, { self, names, onReply, replyLabel }) {
  const own = message.from === self;
  const speaker = message.hidden ? "A message of this call" : own ? "You" : names.party(message.from);
  return h("li", { class: `talk-message${own ? " own" : ""}${message.hidden ? " hidden-words" : ""}`, "data-sequence": message.sequence },
    h("div", { class: "talk-meta" },
      h("strong", { party: message.hidden ? null : message.from, class: "talk-speaker", text: speaker }),
      h("time", { datetime: message.at, text: formatTime(message.at) })),
    h("p", { class: "talk-text", text: message.hidden ? "Not shown to you while the game runs." : message.text }),
    onReply && h("button", { type: "button", class: "ghost small", text: replyLabel, "aria-label": `${replyLabel} to ${speaker}`, onclick: onReply }));
}
