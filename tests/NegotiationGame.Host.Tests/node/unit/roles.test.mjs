// One role across the games of a class (wwwroot/js/game/roles.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { noDealWelfare, roleAcrossGames } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/roles.js";

const debrief = (offers, binding, scores) => ({
  reservations: { us: 50, ukraine: 40 }, offers, outcome: { binding, scores },
});

test("each game says the role's score against its reservation, its opening ask and what it gave ground on", () => {
  const games = [
    { gameId: "g-01", debrief: debrief(
      [{ offerId: 1, proposer: "ukraine", package: { crimea: "returned", minerals: "none" }, utilities: { us: 10, ukraine: 90 } },
        { offerId: 2, proposer: "ukraine", package: { crimea: "frozen" }, utilities: { us: 30, ukraine: 70 } }],
      { crimea: "frozen", minerals: "none" }, { us: 60, ukraine: 55 }) },
    { gameId: "g-02", debrief: debrief([{ offerId: 1, proposer: "us", package: { crimea: "recognised" }, utilities: { us: 95, ukraine: 5 } }], {}, { us: 20, ukraine: 15.5 }) },
  ];

  const rows = roleAcrossGames("ukraine", games);

  assert.deepEqual(rows[0], { gameId: "g-01", score: 55, reservation: 40, margin: 15, opening: 90, conceded: 35, gaveGround: ["crimea"] });
  assert.deepEqual(rows[1], { gameId: "g-02", score: 15.5, reservation: 40, margin: -24.5, opening: null, conceded: null, gaveGround: [] });
});

test("the no-deal welfare is the sum of the parties' reservation values, what each scores when nothing binds", () => {
  assert.equal(noDealWelfare(debrief([], {}, {})), 90);
  assert.equal(noDealWelfare({}), null);
});
