// How the feeds tell a change of who plays a party (wwwroot/js/game/event-text.js): a bot by its strategy, students by no name.
import assert from "node:assert/strict";
import { test } from "node:test";
import { describeEvent } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/event-text.js";
import { scenarioNames } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/names.js";

const names = scenarioNames({ id: "s", title: "S", publicBackground: "", rounds: 3, parties: [{ id: "ukraine", name: "Ukraine" }], issues: [] });

test("says which bot took a party over, and that students play it again without naming them", () => {
  const event = (bot) => ({ gameId: "g", sequence: 9, at: "2026-12-01T18:00:00Z", type: "PlayerChanged", data: { party: "ukraine", bot } });

  assert.equal(describeEvent(event("boulware"), names), "A boulware bot now plays Ukraine");
  assert.equal(describeEvent(event(null), names), "Students now play Ukraine");
});
