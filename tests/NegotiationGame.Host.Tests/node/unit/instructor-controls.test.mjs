// The instructor's control room as pure logic (wwwroot/js/pages/instructor/{alerts,game-controls,class-controls}.js):
// alerts for agreements, walk-outs and idle parties; which controls are off and why; a class-wide answer in words.
// Run: node --test unit/ (from tests/NegotiationGame.Host.Tests/node).
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlertWatch, alertText } from "../../../../src/NegotiationGame.Host/wwwroot/js/pages/instructor/alerts.js";
import { classControlStates, controlStates, processNowEnds } from "../../../../src/NegotiationGame.Host/wwwroot/js/pages/instructor/game-controls.js";

const names = { party: id => id.toUpperCase() };
const event = (type, data = {}) => ({ gameId: "g-01", sequence: 1, type, at: "2026-01-01T10:00:00Z", data });
const clock = (phase, extra = {}) => ({ phase, round: 1, paused: false, remaining: null, deadline: null, scores: {}, ...extra });

test("an agreement and a walk-out each raise one alert", () => {
  const watch = new AlertWatch("g-01", ["us", "eu"]);
  watch.take(event("NegotiationStarted"));

  assert.deepEqual(watch.take(event("AgreementConcluded", { agreementId: 3, signatories: ["us", "eu"] })), [{ kind: "agreement", gameId: "g-01", agreementId: 3 }]);
  const [walkout] = watch.take(event("PartyWalkedAway", { party: "eu" }));
  assert.equal(alertText(walkout, names), "g-01: EU walked away");
  assert.deepEqual(watch.take(event("StatementMade", { party: "us", text: "hello" })), []);
});

test("a party that makes no move for two rounds is named once a spell, one that moves is not, one that left is not", () => {
  const watch = new AlertWatch("g-01", ["us", "eu", "ukraine"]);
  watch.take(event("NegotiationStarted"));
  watch.take(event("PartyWalkedAway", { party: "ukraine" }));

  assert.deepEqual(watch.take(event("RoundAdvanced", { round: 2 })), []);
  watch.take(event("OfferTabled", { proposer: "us", offerId: 1, addressees: ["eu"], package: {} }));
  const idle = watch.take(event("RoundAdvanced", { round: 3 }));

  assert.deepEqual(idle, [{ kind: "idle", gameId: "g-01", party: "eu", rounds: 2 }]);
  assert.equal(alertText(idle[0], names), "g-01: EU has made no move for 2 rounds");
  assert.deepEqual(watch.take(event("RoundAdvanced", { round: 4 })), [], "told once, not again the next round");
  assert.deepEqual(watch.take(event("RoundAdvanced", { round: 5 })).map(alert => alert.party), ["us", "eu"]);
});

test("after the game ends nobody is idle", () => {
  const watch = new AlertWatch("g-01", ["us"]);
  watch.take(event("NegotiationStarted"));
  watch.take(event("GameEnded", { reason: "instructor", scores: {} }));

  assert.deepEqual(watch.take(event("RoundAdvanced", { round: 9 })), []);
});

test("every control that the rules would refuse is off with its reason", () => {
  const ended = controlStates(clock("Ended"));
  assert.ok(Object.values(ended).every(reason => reason === "The game has ended."));

  const paused = controlStates(clock("Negotiation", { paused: true, remaining: 30 }));
  assert.equal(paused.pause, "The clock is already paused.");
  assert.equal(paused.resume, null);
  assert.equal(paused.extend, null, "a paused clock with time left may be extended");

  const untimedBriefing = controlStates(clock("Briefing"));
  assert.equal(untimedBriefing.extend, "This phase has no time limit to extend.");
  assert.equal(untimedBriefing.startNegotiation, null);
  assert.equal(untimedBriefing.resume, "The clock is not paused.");

  const running = controlStates(clock("Negotiation", { deadline: Date.now() + 60_000 }));
  assert.equal(running.startNegotiation, "The negotiation is already under way.");
  assert.deepEqual([running.processNow, running.pause, running.extend, running.end], [null, null, null, null]);
});

test("process now ends the game only in the last round", () => {
  assert.equal(processNowEnds(clock("Negotiation", { round: 8 }), 8), true);
  assert.equal(processNowEnds(clock("Negotiation", { round: 7 }), 8), false);
  assert.equal(processNowEnds(clock("Briefing"), 1), false);
});

test("a class-wide control is off only when every game would refuse it, and says why", () => {
  const paused = clock("Negotiation", { paused: true, remaining: 30 });
  const running = clock("Negotiation", { deadline: Date.now() + 60_000 });
  const allPaused = classControlStates([paused, paused]);
  assert.equal(allPaused.pause, "Every game: The clock is already paused.");
  assert.equal(allPaused.resume, null);
  const mixed = classControlStates([paused, running]);
  assert.equal(mixed.pause, null, "one running game still takes a class-wide pause");
  assert.equal(mixed.resume, null, "one paused game still takes a class-wide resume");
  assert.equal(classControlStates([clock("Ended"), paused]).pause, "No game would take it now.");
  assert.equal(classControlStates([]).pause, "The games open when the class starts.");
});

