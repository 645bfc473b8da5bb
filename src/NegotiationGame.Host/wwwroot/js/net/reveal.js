// @ts-check
// The reveal after the end, live: the server pushed each private message of others' calls as ChannelActive, and once
// the game has ended `watch` returns them in full (docs/protocol.md "Private channels"), so the page reads the log
// again from the start and keeps the messages. It takes its hub call from outside, so that it runs under Node too.

import { withData } from "./event-stream.js";

/** @import { GameEvent, HubCall } from "../types.js" */

/**
 * Every private message the log now shows in full to this token, page by page; null when a read failed.
 * @param {HubCall} call
 * @param {string} token
 * @param {string} gameId
 * @param {number} [maxPages] a bound, so that a server that always says "more" cannot keep the page busy
 * @returns {Promise<GameEvent[] | null>}
 */
export async function readRevealedMessages(call, token, gameId, maxPages = 1000) {
  /** @type {GameEvent[]} */
  const messages = [];
  let after = 0;
  for (let page = 0; page < maxPages; page++) {
    const result = await call("watch", { token, gameId, afterSequence: after, batch: true });
    if (!result.ok) return null;
    const events = result.events ?? [];
    for (const e of events) {
      if (e.type === "MessageSent") messages.push(withData(e));
    }
    if (!result.more || !events.length) break;
    after = events[events.length - 1].sequence;
  }
  return messages;
}
