// The player's talk threads (wwwroot/js/game/talk-threads.js): one per call and the public one, unread counts, the reveal.
import assert from "node:assert/strict";
import { test } from "node:test";
import { channelKey, PUBLIC_THREAD, recipientsOf, TalkThreads, threadKeyFor } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/talk-threads.js";

let sequence = 1;
const at = "2026-01-01T10:00:00Z";
const statement = (party, text) => ({ gameId: "g", sequence: ++sequence, at, type: "StatementMade", data: { party, text } });
const privately = (party, channel, text) => ({ gameId: "g", sequence: ++sequence, at, type: "MessageSent", data: { party, channel, text } });
const call = channel => ({ gameId: "g", sequence: ++sequence, at, type: "ChannelActive", data: { channel } });

test("each distinct set of parties of a channel is one thread, whatever the order the channel names them in", () => {
  const talk = new TalkThreads("us");

  assert.equal(talk.add(privately("us", ["us", "russia"], "one")), "russia+us");
  assert.equal(talk.add(privately("russia", ["russia", "us"], "two")), "russia+us");
  assert.equal(talk.add(privately("us", ["us", "russia", "eu"], "three")), "eu+russia+us");
  assert.equal(talk.add(statement("eu", "four")), PUBLIC_THREAD);
  assert.equal(talk.add({ gameId: "g", sequence: ++sequence, at, type: "OfferTabled", data: {} }), null);

  assert.deepEqual(talk.list().map(t => [t.key, t.messages.map(m => m.text)]),
    [[PUBLIC_THREAD, ["four"]], ["russia+us", ["one", "two"]], ["eu+russia+us", ["three"]]]);
  assert.ok(talk.get("russia+us").isPrivate && talk.get("russia+us").isMember);
  assert.equal(talk.get(PUBLIC_THREAD).isPrivate, false);
});

test("counts as unread only what others said and the player has not seen, per thread and in all", () => {
  const talk = new TalkThreads("us");
  talk.add(privately("us", ["us", "russia"], "mine"));
  talk.add(privately("russia", ["us", "russia"], "theirs"));
  talk.add(statement("eu", "hello"));
  talk.add(statement("ukraine", "hi"));

  assert.equal(talk.unread("russia+us"), 1);
  assert.equal(talk.unread(PUBLIC_THREAD), 2);
  assert.equal(talk.totalUnread(), 3);

  assert.equal(talk.markRead(PUBLIC_THREAD), true);
  assert.equal(talk.markRead(PUBLIC_THREAD), false);
  assert.equal(talk.totalUnread(), 1);
});

test("a repeated event (a resync) neither duplicates a line nor makes it unread again", () => {
  const talk = new TalkThreads("us");
  const e = statement("eu", "once");
  talk.add(e);
  talk.markRead(PUBLIC_THREAD);

  assert.equal(talk.add(e), null);
  assert.equal(talk.get(PUBLIC_THREAD).messages.length, 1);
  assert.equal(talk.unread(PUBLIC_THREAD), 0);
});

test("a call the player is not on is a read-only thread of hidden lines, never unread, until the reveal fills them in", () => {
  const talk = new TalkThreads("us");
  const hidden = call(["russia", "ukraine"]);
  talk.add(hidden);
  talk.add(call(["ukraine", "russia"]));

  const thread = talk.get("russia+ukraine");
  assert.equal(thread.isMember, false);
  assert.equal(thread.messages.length, 2);
  assert.ok(thread.messages.every(m => m.hidden && m.text === null));
  assert.equal(talk.unread("russia+ukraine"), 0);
  assert.equal(talk.hasHidden(), true);
  assert.deepEqual(talk.list().map(t => t.key), [PUBLIC_THREAD, "russia+ukraine"]);

  const full = { ...hidden, type: "MessageSent", data: { party: "russia", channel: ["russia", "ukraine"], text: "a secret" } };
  assert.equal(talk.reveal([statement("eu", "not private"), full]), 1);

  assert.deepEqual(thread.messages.map(m => [m.sequence, m.from, m.text, m.hidden]),
    [[hidden.sequence, "russia", "a secret", false], [hidden.sequence + 1, null, null, true]]);
  assert.equal(talk.unread("russia+ukraine"), 1, "a revealed line is news to the player");
  assert.equal(talk.reveal([full]), 0, "revealing twice changes nothing");
});

test("lines arriving out of order (the reveal read after live events) keep the log's order", () => {
  const talk = new TalkThreads("us");
  const first = privately("us", ["us", "eu"], "first");
  const second = privately("eu", ["us", "eu"], "second");
  talk.add(second);
  talk.add(first);

  assert.deepEqual(talk.get("eu+us").messages.map(m => m.text), ["first", "second"]);
});

test("recipients name their thread, and a thread gives back its recipients; no recipient is the public thread", () => {
  assert.equal(threadKeyFor("us", []), PUBLIC_THREAD);
  assert.equal(threadKeyFor("us", ["us"]), PUBLIC_THREAD);
  assert.equal(threadKeyFor("us", ["russia", "eu"]), channelKey(["eu", "us", "russia"]));

  const talk = new TalkThreads("us");
  const fresh = talk.open(threadKeyFor("us", ["ukraine"]));
  assert.deepEqual(recipientsOf(fresh, "us"), ["ukraine"]);
  assert.equal(fresh.isMember, true);
  assert.deepEqual(recipientsOf(talk.get(PUBLIC_THREAD), "us"), []);
  assert.equal(talk.open(fresh.key), fresh, "opening a known thread keeps its messages");
});
