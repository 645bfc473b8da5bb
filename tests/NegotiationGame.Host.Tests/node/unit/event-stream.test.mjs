// The web UI's per-game event stream (wwwroot/js/net/event-stream.js) against a fake hub: every event once, in
// order, and a gap or a reconnect answered by watching again from the last sequence applied (protocol.md "Reconnecting").
// Run: node --test unit/ (from tests/NegotiationGame.Host.Tests/node); EventStreamUnitTests runs it in the suite.
import assert from "node:assert/strict";
import { test } from "node:test";
import { GameStream } from "../../../../src/NegotiationGame.Host/wwwroot/js/net/event-stream.js";

const GAME = "class-01";

const event = sequence => ({ gameId: GAME, sequence, type: "StatementMade", at: "2026-01-01T10:00:00Z", data: JSON.stringify({ party: "a", text: `#${sequence}` }) });
const reply = (sequences, extra = {}) => ({ ok: true, summary: { lastSequence: 0 }, events: sequences.map(event), ...extra });

// Lets every promise that is ready run, so that the stream has done all it can before the test looks.
const settle = () => new Promise(resolve => setImmediate(resolve));

/** A hub whose watch replies the test hands out one at a time, recording each request. */
function fakeHub() {
  const requests = [];
  const waiting = [];
  return {
    requests,
    call: (method, args) => new Promise(resolve => { requests.push({ method, ...args }); waiting.push(resolve); }),
    async answer(answer) {
      assert.ok(waiting.length > 0, "the stream asked for nothing");
      waiting.shift()(answer);
      await settle();
    },
    get unanswered() { return waiting.length; },
  };
}

function followedStream(hub, retryMs) {
  const applied = [];
  const errors = [];
  const stream = new GameStream(GAME, "token-1", {
    onEvent: (e, fresh) => applied.push({ sequence: e.sequence, text: e.data.text, fresh }),
    onSummary: () => {},
    onError: error => errors.push(error.code),
  }, hub.call, retryMs);
  return { stream, errors, sequences: () => applied.map(a => a.sequence), applied };
}

test("applies a watch reply in order, with each event's data parsed, then the events pushed after it", async () => {
  const hub = fakeHub();
  const { stream, sequences, applied } = followedStream(hub);
  stream.sync();
  await hub.answer(reply([1, 2]));
  stream.receive(event(3));

  assert.deepEqual(sequences(), [1, 2, 3]);
  assert.equal(applied[2].text, "#3");
  assert.deepEqual(hub.requests, [{ method: "watch", token: "token-1", gameId: GAME, afterSequence: 0, batch: true }]);
});

test("drops an event it has already applied", async () => {
  const hub = fakeHub();
  const { stream, sequences } = followedStream(hub);
  stream.sync();
  await hub.answer(reply([1, 2, 3]));
  stream.receive(event(2));
  stream.receive(event(3));
  stream.receive(event(4));
  stream.receive(event(4));

  assert.deepEqual(sequences(), [1, 2, 3, 4]);
  assert.equal(hub.requests.length, 1, "a repeat is no gap: nothing to watch again");
});

test("on a gap, watches again from the last sequence applied and applies the missing events once", async () => {
  const hub = fakeHub();
  const { stream, sequences } = followedStream(hub);
  stream.sync();
  await hub.answer(reply([1, 2]));
  stream.receive(event(5));

  assert.deepEqual(sequences(), [1, 2], "nothing past a gap is applied before the gap is filled");
  assert.equal(hub.requests.at(-1).afterSequence, 2);
  await hub.answer(reply([3, 4, 5]));
  stream.receive(event(5));

  assert.deepEqual(sequences(), [1, 2, 3, 4, 5]);
});

test("keeps events pushed during a watch back until its reply is in, then applies each of them once", async () => {
  const hub = fakeHub();
  const { stream, sequences } = followedStream(hub);
  stream.sync();
  stream.receive(event(3));
  stream.receive(event(2));
  await hub.answer(reply([1, 2]));

  assert.deepEqual(sequences(), [1, 2, 3]);
  assert.equal(hub.unanswered, 0);
});

test("an event pushed during a watch that lies past the reply's end waits for the gap to be filled", async () => {
  const hub = fakeHub();
  const { stream, sequences } = followedStream(hub);
  stream.sync();
  stream.receive(event(5));
  await hub.answer(reply([1, 2]));

  assert.deepEqual(sequences(), [1, 2]);
  assert.equal(hub.requests.at(-1).afterSequence, 2);
  await hub.answer(reply([3, 4, 5]));

  assert.deepEqual(sequences(), [1, 2, 3, 4, 5]);
});

test("follows a reply that says more until the last page is in", async () => {
  const hub = fakeHub();
  const { stream, sequences } = followedStream(hub);
  stream.sync();
  await hub.answer(reply([1, 2], { more: true }));
  assert.equal(hub.requests.at(-1).afterSequence, 2);
  await hub.answer(reply([3]));

  assert.deepEqual(sequences(), [1, 2, 3]);
  assert.equal(hub.requests.length, 2);
});

test("after a reconnect, resumes from the last sequence applied and skips what it already has", async () => {
  const hub = fakeHub();
  const { stream, sequences } = followedStream(hub);
  stream.sync();
  await hub.answer(reply([1, 2, 3]));
  stream.sync();
  stream.sync(); // a second resync while one is under way asks once more afterwards, not at the same time

  assert.equal(hub.unanswered, 1);
  assert.equal(hub.requests.at(-1).afterSequence, 3);
  await hub.answer(reply([3, 4]));
  assert.equal(hub.requests.at(-1).afterSequence, 4);
  await hub.answer(reply([]));

  assert.deepEqual(sequences(), [1, 2, 3, 4]);
  assert.equal(hub.unanswered, 0);
});

test("marks the events already folded into the reply's summary as not fresh", async () => {
  const hub = fakeHub();
  const { stream, applied } = followedStream(hub);
  stream.sync();
  await hub.answer(reply([1, 2, 3], { summary: { lastSequence: 2 } }));

  assert.deepEqual(applied.map(a => a.fresh), [false, false, true]);
});

test("retries a failed watch after a pause, but not one refused for good", async t => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const hub = fakeHub();
  const { stream, errors } = followedStream(hub, 3000);
  stream.sync();
  await hub.answer({ ok: false, error: { code: "ServerError" } });
  t.mock.timers.tick(2999);
  assert.equal(hub.requests.length, 1, "no retry before the pause is over");
  t.mock.timers.tick(1);
  assert.equal(hub.requests.length, 2);
  assert.equal(hub.requests[1].afterSequence, 0);

  await hub.answer({ ok: false, error: { code: "Unauthorized" } });
  t.mock.timers.tick(60000);

  assert.equal(hub.requests.length, 2);
  assert.deepEqual(errors, ["ServerError", "Unauthorized"]);
});

test("a stopped stream applies nothing more, not even the reply it was waiting for", async () => {
  const hub = fakeHub();
  const { stream, sequences } = followedStream(hub);
  stream.sync();
  await hub.answer(reply([1]));
  stream.receive(event(3));
  stream.stop();
  await hub.answer(reply([2, 3]));
  stream.receive(event(4));
  stream.sync();

  assert.deepEqual(sequences(), [1]);
  assert.equal(hub.unanswered, 0);
});
