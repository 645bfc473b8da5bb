// The live reveal's read of the log (wwwroot/js/net/reveal.js): every page from the start, only the private messages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readRevealedMessages } from "../../../../src/NegotiationGame.Host/wwwroot/js/net/reveal.js";

const at = "2026-01-01T10:00:00Z";
const log = [
  { gameId: "g", sequence: 2, at, type: "NegotiationStarted", data: "{}" },
  { gameId: "g", sequence: 3, at, type: "MessageSent", data: JSON.stringify({ party: "russia", channel: ["russia", "eu"], text: "psst" }) },
  { gameId: "g", sequence: 4, at, type: "StatementMade", data: JSON.stringify({ party: "eu", text: "hello" }) },
  { gameId: "g", sequence: 5, at, type: "MessageSent", data: JSON.stringify({ party: "eu", channel: ["russia", "eu"], text: "no" }) },
  { gameId: "g", sequence: 6, at, type: "GameEnded", data: "{}" },
];

/** A hub that answers watch in pages of two, as the server does with a small page size. */
function pagedHub(pageSize = 2) {
  const calls = [];
  const call = async (method, args) => {
    calls.push({ method, ...args });
    const rest = log.filter(e => e.sequence > Math.max(1, args.afterSequence));
    return { ok: true, events: rest.slice(0, pageSize), more: rest.length > pageSize };
  };
  return { call, calls };
}

test("reads every page from the start and keeps only the private messages, their data parsed", async () => {
  const hub = pagedHub();

  const messages = await readRevealedMessages(hub.call, "token", "g");

  assert.deepEqual(messages.map(m => [m.sequence, m.data.text]), [[3, "psst"], [5, "no"]]);
  assert.deepEqual(hub.calls.map(c => [c.method, c.afterSequence, c.gameId, c.token]),
    [["watch", 0, "g", "token"], ["watch", 3, "g", "token"], ["watch", 5, "g", "token"]]);
});

test("a refused read is null, so the page can say the reveal failed rather than show nothing", async () => {
  const messages = await readRevealedMessages(async () => ({ ok: false, error: { code: "Unauthorized" } }), "t", "g");

  assert.equal(messages, null);
});

test("stops at the bound even when the server keeps saying there is more", async () => {
  let calls = 0;
  const endless = async () => { calls++; return { ok: true, events: [log[1]], more: true }; };

  const messages = await readRevealedMessages(endless, "t", "g", 3);

  assert.equal(calls, 3);
  assert.equal(messages.length, 3);
});
