// The public board as a fold of the event log (wwwroot/js/game/board-state.js): what each issue's state becomes at
// each kind of event, that folding never changes an earlier board, and that no frame holds anything private.
import assert from "node:assert/strict";
import { test } from "node:test";
import { activeCalls, emptyBoard, foldBoard, nextBoard } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/board-state.js";

const scenario = {
  id: "s", title: "S", publicBackground: "", rounds: 3,
  parties: [{ id: "us", name: "US" }, { id: "russia", name: "Russia" }, { id: "ukraine", name: "Ukraine" }, { id: "eu", name: "EU" }],
  issues: [
    { id: "crimea", name: "Crimea", group: "Territory", noDeal: "frozen", signatories: ["ukraine", "russia"],
      options: [{ id: "frozen", label: "Frozen" }, { id: "recognised", label: "Recognised" }] },
    { id: "minerals", name: "Minerals", group: "Economy", noDeal: "share-0", signatories: ["us", "ukraine"],
      options: [{ id: "share-0", label: "0 %" }, { id: "share-25", label: "25 %" }] },
    { id: "security", name: "Security", group: "Security", noDeal: "none", signatories: ["ukraine"],
      options: [{ id: "none", label: "None" }, { id: "european-force", label: "European force", alsoRequires: ["eu"] }] },
  ],
};

let sequence = 0;
const event = (type, data = {}, at = `2026-12-01T18:00:${String(sequence).padStart(2, "0")}Z`) => ({ gameId: "g", sequence: ++sequence, at, type, data });

function log() {
  sequence = 0;
  return [
    event("NegotiationStarted"),
    event("DeadlineSet", { deadline: "2026-12-01T18:10:00Z" }),
    event("OfferTabled", { offerId: 1, proposer: "us", package: { minerals: "share-25", security: "european-force" }, addressees: ["ukraine"], expiresAtRound: null, counterTo: null }),
    event("MessageSent", { party: "us", channel: ["us", "russia"], text: "Secret: minerals for sanctions" }),
    event("OfferAccepted", { offerId: 1, party: "ukraine" }),
    event("AgreementConcluded", { agreementId: 1, signatories: ["us", "ukraine"], bindingIssues: ["minerals"] }),
    event("OfferTabled", { offerId: 2, proposer: "russia", package: { crimea: "recognised" }, addressees: ["us"], expiresAtRound: null, counterTo: null }),
    event("AgreementSigned", { agreementId: 1, party: "eu", newlyBindingIssues: ["security"] }),
    event("OfferWithdrawn", { offerId: 2 }),
    event("GameEnded", { reason: "instructor", scores: { us: 71.5, russia: 58, ukraine: 60.25, eu: 52 } }),
  ];
}

test("an issue is open, then on the table while an open offer names it, and open again once the offer is gone", () => {
  const events = log();
  assert.equal(foldBoard(scenario, events, 5).issues.crimea.state, "open");
  const tabled = foldBoard(scenario, events, 6).issues.crimea;
  assert.deepEqual([tabled.state, tabled.tabledIn, tabled.option], ["tabled", [2], "frozen"]);
  assert.deepEqual([foldBoard(scenario, events, 8).issues.crimea.state, foldBoard(scenario, events, 8).issues.crimea.tabledIn], ["open", []]);
});

test("an agreement binds the issues whose signatories all accepted and leaves the rest provisional until they sign", () => {
  const events = log();
  const agreed = foldBoard(scenario, events, 5);
  assert.deepEqual(agreed.issues.minerals, { ...agreed.issues.minerals, state: "binding", option: "share-25", agreementId: 1, stillMustSign: [] });
  assert.deepEqual([agreed.issues.security.state, agreed.issues.security.option, agreed.issues.security.stillMustSign], ["provisional", "european-force", ["eu"]]);
  assert.equal(agreed.openOffers[1], undefined, "the offer became the agreement");
  const signed = foldBoard(scenario, events, 7).issues.security;
  assert.deepEqual([signed.state, signed.stillMustSign, signed.signedBy], ["binding", [], ["us", "ukraine", "eu"]]);
});

test("an amendment waiting for signatures leaves the binding option in force, and replaces it once it binds", () => {
  const events = log().slice(0, 6);
  sequence = events.length;
  events.push(event("OfferTabled", { offerId: 3, proposer: "us", package: { minerals: "share-0" }, addressees: ["russia"], expiresAtRound: null, counterTo: null }));
  events.push(event("AgreementConcluded", { agreementId: 3, signatories: ["us", "russia"], bindingIssues: [] }));
  const pending = foldBoard(scenario, events).issues.minerals;
  assert.deepEqual([pending.state, pending.option, pending.amendment?.option, pending.amendment?.stillMustSign], ["binding", "share-25", "share-0", ["ukraine"]]);
  events.push(event("AgreementSigned", { agreementId: 3, party: "ukraine", newlyBindingIssues: ["minerals"] }));
  const amended = foldBoard(scenario, events).issues.minerals;
  assert.deepEqual([amended.state, amended.option, amended.agreementId, amended.amendment], ["binding", "share-0", 3, null]);
});

test("the latest move names the issues it touched; clock-only events are not moves", () => {
  const events = log();
  const afterDeadline = foldBoard(scenario, events, 1);
  assert.equal(afterDeadline.latest?.type, "NegotiationStarted");
  assert.equal(afterDeadline.clock.phase, "Negotiation");
  assert.equal(afterDeadline.clock.deadline, Date.parse("2026-12-01T18:10:00Z"));
  const tabled = foldBoard(scenario, events, 2);
  assert.deepEqual([tabled.latest?.type, tabled.latest?.issues.sort()], ["OfferTabled", ["minerals", "security"]]);
  const signedBoard = foldBoard(scenario, events, 7);
  assert.deepEqual(signedBoard.latest?.issues, ["security"]);
  assert.deepEqual(signedBoard.recent.map(m => m.sequence), [8, 7, 6, 5, 4, 3]);
});

test("news waiting for a later round is never on the board, for the instructor's card or a spectator", () => {
  sequence = 0;
  const start = [event("NegotiationStarted")];
  const prepared = [
    event("NewsScheduled", { round: 2, headline: "Pipeline damaged", body: "Gas stops." }),
    event("ScheduledNewsCancelled", { round: 2, headline: "Pipeline damaged" }),
    event("Withheld"),
  ];
  const board = foldBoard(scenario, [...start, ...prepared], 3);
  assert.equal(board.latest?.type, "NegotiationStarted");
  assert.deepEqual(board.recent.map(m => m.type), ["NegotiationStarted"]);
  assert.ok(!JSON.stringify(board).includes("Pipeline"));
});

test("a private message is on the board only as a call, heard for two minutes", () => {
  const board = foldBoard(scenario, log(), 3);
  assert.deepEqual(board.latest, { ...board.latest, type: "ChannelActive", data: { channel: ["us", "russia"] } });
  assert.deepEqual(board.calls["russia+us"].channel, ["russia", "us"]);
  const heard = Date.parse(board.calls["russia+us"].lastAt);
  assert.equal(activeCalls(board, heard + 119_000).length, 1);
  assert.equal(activeCalls(board, heard + 121_000).length, 0);
});

test("no frame of the board holds a private text, a utility or a score before the game ended", () => {
  const events = log();
  for (let i = 0; i < events.length; i++) {
    const frame = foldBoard(scenario, events, i);
    const text = JSON.stringify(frame);
    assert.ok(!text.includes("Secret"), `frame ${i} holds the private text`);
    const ended = events[i].type === "GameEnded";
    if (!ended) assert.ok(!/utilit|reservation|weight|"scores":\{"/i.test(text), `frame ${i} names a utility or a score`);
    assert.equal(frame.ended !== null, ended, `frame ${i}: the scores appear exactly at the end`);
    for (const value of [71.5, 60.25]) assert.equal(text.includes(String(value)), ended, `frame ${i}: score ${value}`);
  }
});

test("folding never changes an earlier board, and folding at once equals folding one event at a time", () => {
  const events = log();
  let board = emptyBoard(scenario);
  const frames = [];
  for (const e of events) {
    const before = JSON.stringify(board);
    const next = nextBoard(scenario, board, e);
    assert.equal(JSON.stringify(board), before, `event ${e.sequence} changed the board it was folded into`);
    frames.push(JSON.stringify(next));
    board = next;
  }
  events.forEach((_, i) => assert.equal(JSON.stringify(foldBoard(scenario, events, i)), frames[i]));
});
