// What waits for a later round, folded from the log as the instructor's page reads it (wwwroot/js/game/scheduled-news.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { foldWaitingNews, inRoundOrder, schedulableRounds, waitingAcross } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/scheduled-news.js";

const event = (type, data = {}) => ({ type, data, sequence: 0, at: "", gameId: "g" });
const fold = events => events.reduce(foldWaitingNews, []);

test("scheduled news waits until its round begins and a cancelled one never waits again", () => {
  const scheduled = [
    event("NewsScheduled", { round: 2, headline: "Oil", body: "Brent up." }),
    event("NewsScheduled", { round: 1, headline: "Talks open", body: "" }),
    event("NewsScheduled", { round: 3, headline: "Summit", body: "" }),
    event("NewsScheduled", { round: 2, headline: "Gas", body: "" }),
  ];
  assert.deepEqual(inRoundOrder(fold(scheduled)).map(news => news.headline), ["Talks open", "Oil", "Gas", "Summit"]);
  assert.deepEqual(fold([...scheduled, event("NegotiationStarted")]).map(news => news.headline), ["Oil", "Summit", "Gas"]);
  assert.deepEqual(fold([...scheduled, event("NegotiationStarted"), event("RoundAdvanced", { round: 2 })]).map(news => news.headline), ["Summit"]);
  assert.deepEqual(fold([...scheduled, event("ScheduledNewsCancelled", { round: 2, headline: "Oil" })]).map(news => news.headline), ["Talks open", "Summit", "Gas"]);
});

test("an event that changes nothing keeps the same list, and a withheld one changes nothing", () => {
  const waiting = fold([event("NewsScheduled", { round: 2, headline: "Oil", body: "" })]);
  assert.equal(foldWaitingNews(waiting, event("Withheld")), waiting);
  assert.equal(foldWaitingNews(waiting, event("StatementMade", { party: "us", text: "Hello" })), waiting);
});

test("news can wait for every round before the negotiation, only later rounds during it, and none at the end", () => {
  assert.deepEqual(schedulableRounds({ phase: "Lobby", round: 0 }, 3), [1, 2, 3]);
  assert.deepEqual(schedulableRounds({ phase: "Briefing", round: 0 }, 3), [1, 2, 3]);
  assert.deepEqual(schedulableRounds({ phase: "Negotiation", round: 2 }, 3), [3]);
  assert.deepEqual(schedulableRounds({ phase: "Negotiation", round: 3 }, 3), []);
  assert.deepEqual(schedulableRounds({ phase: "Ended", round: 2 }, 3), []);
  assert.deepEqual(schedulableRounds({ phase: "Lobby", round: 0 }, undefined), []);
});

test("the class lists each waiting headline once, with the number of games it waits in", () => {
  const oil = { round: 2, headline: "Oil", body: "" };
  const gas = { round: 3, headline: "Gas", body: "" };
  const lines = waitingAcross([[oil, gas], [oil], []]);
  assert.deepEqual(lines.map(line => [line.round, line.headline, line.games, line.of]), [[2, "Oil", 2, 3], [3, "Gas", 1, 3]]);
  assert.deepEqual(waitingAcross([[], []]), []);
});
