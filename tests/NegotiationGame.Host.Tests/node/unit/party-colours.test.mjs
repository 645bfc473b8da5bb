// Party colours of the web UI (wwwroot/js/game/party-colours.js): any scenario's parties get distinct colours by
// their place, a scenario's own colour wins when it is a plain hex colour, and nothing else reaches a style.
import assert from "node:assert/strict";
import { test } from "node:test";
import { paintParty, partyColours, usePartyColours } from "../../../../src/NegotiationGame.Host/wwwroot/js/game/party-colours.js";

const harbour = [{ id: "council", name: "Town council" }, { id: "fishers", name: "Fishers" }, { id: "promoter", name: "Promoter" }];

/** An element's style as far as paintParty uses it. */
function fakeNode() {
  const properties = new Map();
  return { properties, style: { setProperty: (name, value) => properties.set(name, value), removeProperty: name => properties.delete(name) } };
}

test("gives the parties of any scenario distinct colours by their place in it", () => {
  const colours = partyColours(harbour);

  assert.deepEqual([...colours.keys()], ["council", "fishers", "promoter"]);
  assert.equal(new Set(colours.values()).size, 3);
  const swapped = partyColours([harbour[1], harbour[0], harbour[2]]);
  assert.equal(swapped.get("fishers"), colours.get("council"), "the colour follows the place, not the id");
});

test("takes a scenario's own colour when it is a plain hex colour, and the palette's otherwise", () => {
  const colours = partyColours([
    { id: "council", name: "Town council", colour: "#0a7e3d" },
    { id: "fishers", name: "Fishers", colour: "red; background: url(https://example.invalid/x)" },
  ]);

  assert.equal(colours.get("council"), "#0a7e3d");
  assert.match(colours.get("fishers"), /^#[0-9a-f]{6}$/);
  assert.equal(colours.get("fishers"), partyColours(harbour).get("fishers"));
});

test("more parties than the palette has colours still each get one", () => {
  const many = Array.from({ length: 25 }, (_, i) => ({ id: `p${i}`, name: `P${i}` }));

  assert.equal(partyColours(many).size, 25);
  assert.ok([...partyColours(many).values()].every(colour => /^#[0-9a-f]{6}$/.test(colour)));
});

test("paints a node with its party's colour on the current page, and with none for a party the page does not know", () => {
  const node = fakeNode();
  usePartyColours(harbour);
  paintParty(node, "fishers");
  assert.equal(node.properties.get("--party"), partyColours(harbour).get("fishers"));

  usePartyColours([]);
  paintParty(node, "fishers");

  assert.equal(node.properties.has("--party"), false);
});
