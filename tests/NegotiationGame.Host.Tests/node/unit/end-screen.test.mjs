// The figures of the player's end screen (wwwroot/js/game/end-screen.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { againstReservation, compareGames, gameNumber, tellingOtherParty } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/end-screen.js";

test("says whether the score beat the reservation value, by how much, to a hundredth", () => {
  assert.deepEqual(againstReservation(61.5, 58), { margin: 3.5, verdict: "above" });
  assert.deepEqual(againstReservation(40.4, 55), { margin: -14.6, verdict: "below" });
  assert.deepEqual(againstReservation(58.001, 58), { margin: 0, verdict: "at" });
});

test("opens the chart on the other party the agreement left furthest from its Nash utility", () => {
  const nash = { options: {}, utilities: { us: 70, russia: 60, eu: 50 } };
  const scores = { us: 65, russia: 58, eu: 20 };

  assert.equal(tellingOtherParty("us", ["us", "russia", "eu"], scores, nash), "eu");
  assert.equal(tellingOtherParty("eu", ["us", "russia", "eu"], scores, nash), "us");
});

test("without a Nash point the chart opens on the first other party, and a lone party has none", () => {
  assert.equal(tellingOtherParty("russia", ["us", "russia", "eu"], {}, null), "us");
  assert.equal(tellingOtherParty("us", ["us"], {}, null), undefined);
});

test("ranks the player's game among the class's by the role's score, ties sharing a rank", () => {
  const games = [
    { gameId: "g-01", own: true, roleScore: 60, welfare: 200 },
    { gameId: "g-02", own: false, roleScore: 72, welfare: 190 },
    { gameId: "g-03", own: false, roleScore: 60, welfare: 230 },
  ];

  const compared = compareGames(games);

  assert.deepEqual(compared.rows.map(row => row.gameId), ["g-02", "g-01", "g-03"]);
  assert.equal(compared.rank, 2);
  assert.equal(compared.of, 3);
  assert.equal(compared.meanRoleScore, 64);
  assert.equal(games[0].gameId, "g-01", "the reply's list is left as it came");
});

test("a class with no ended game has no rank and no mean", () => {
  assert.deepEqual(compareGames([]), { rows: [], rank: 0, of: 0, meanRoleScore: null });
});

test("numbers a game as its class does, and keeps an id without a number whole", () => {
  assert.equal(gameNumber("c-7f3a9e-02"), "2");
  assert.equal(gameNumber("c-7f3a9e-11"), "11");
  assert.equal(gameNumber("sandbox"), "sandbox");
});
