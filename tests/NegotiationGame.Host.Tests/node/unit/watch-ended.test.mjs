// The event stream when the server ends the watch (protocol.md "watchEnded": the seat it watched with changed): it
// stops for good, says why once, and neither applies a later push nor watches again after a reconnect.
// Run: node --test unit/ (from tests/NegotiationGame.Host.Tests/node).
import assert from "node:assert/strict";
import { test } from "node:test";
import { GameStream } from "../../../../src/NegotiationGame.Host/wwwroot/js/net/event-stream.js";

const GAME = "class-01";
const event = sequence => ({ gameId: GAME, sequence, type: "StatementMade", at: "2026-01-01T10:00:00Z", data: { party: "us", text: `#${sequence}` } });
const ended = { gameId: GAME, reason: "seatMoved", message: "The instructor moved your seat to another role; rejoin to play it." };

function streamWithHub() {
  const calls = [];
  const applied = [];
  const endings = [];
  const call = async (method, args) => {
    calls.push({ method, ...args });
    return { ok: true, summary: { lastSequence: 2 }, events: [event(2)], more: false };
  };
  const stream = new GameStream(GAME, "old-token", {
    onEvent: e => applied.push(e.sequence),
    onEnded: message => endings.push(message),
  }, call);
  return { stream, calls, applied, endings };
}

test("after watchEnded the stream applies nothing more and tells the page why, once", async () => {
  const { stream, applied, endings } = streamWithHub();
  await stream.sync();
  stream.end(ended);
  stream.end(ended);
  stream.receive(event(3));

  assert.deepEqual(applied, [2]);
  assert.deepEqual(endings, [ended]);
});

test("an ended stream does not watch again with its stale token after a reconnect", async () => {
  const { stream, calls } = streamWithHub();
  await stream.sync();
  stream.end(ended);
  await stream.sync();

  assert.equal(calls.length, 1);
});
