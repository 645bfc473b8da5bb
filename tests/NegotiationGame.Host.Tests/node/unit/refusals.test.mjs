// The player's controls turn off with the reason the server would give (wwwroot/js/game/refusals.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { refusalReason } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/refusals.js";

test("a running negotiation takes moves", () => {
  assert.equal(refusalReason({ phase: "Negotiation", paused: false }, false), null);
});

test("a pause, the briefing, the end and a walk-out each say why no move is taken", () => {
  assert.match(refusalReason({ phase: "Negotiation", paused: true }, false), /paused/);
  assert.match(refusalReason({ phase: "Briefing", paused: false }, false), /negotiation begins/);
  assert.match(refusalReason({ phase: "Lobby", paused: false }, false), /negotiation begins/);
  assert.match(refusalReason({ phase: "Ended", paused: false }, false), /over/);
  assert.match(refusalReason({ phase: "Negotiation", paused: false }, true), /walked away/);
});
