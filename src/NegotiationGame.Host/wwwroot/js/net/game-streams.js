// @ts-check
// The streams of the games the current page shows, fed by the connection: pushed events go to their game's stream,
// and after a reconnect every stream asks for what it missed.

import { call, onHubMessage, onResync } from "./connection.js";
import { GameStream } from "./event-stream.js";

/** @import { StreamHandlers } from "../types.js" */

/** @type {Map<string, GameStream>} game id → the stream of the current view */
const streams = new Map();

onHubMessage("gameEvent", e => streams.get(e?.gameId)?.receive(e));
onHubMessage("gameEvents", batch => {
  for (const e of Array.isArray(batch) ? batch : []) streams.get(e?.gameId)?.receive(e);
});
// The seat this stream watched with changed (protocol.md "watchEnded"): the server sends nothing more of the game.
onHubMessage("watchEnded", message => {
  const stream = streams.get(message?.gameId);
  if (!stream) return;
  streams.delete(message.gameId);
  stream.end(message);
});
onResync(() => streams.forEach(stream => stream.sync()));

/**
 * Follows one game from its first event (stopping any stream of the same game the page had).
 * @param {string} gameId
 * @param {string} token
 * @param {StreamHandlers} handlers
 */
export function watchGame(gameId, token, handlers) {
  streams.get(gameId)?.stop();
  const stream = new GameStream(gameId, token, handlers, call);
  streams.set(gameId, stream);
  stream.sync();
  return stream;
}

export const isWatching = gameId => streams.has(gameId);

/** A new page follows nothing of the old one. */
export function stopAllStreams() {
  streams.forEach(stream => stream.stop());
  streams.clear();
}
