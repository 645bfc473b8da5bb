// @ts-check
// The landing page: instructor or student, and the way back to a seat this tab holds.

import { store } from "../store.js";
import { fromTemplate, h } from "../ui/dom.js";
import { prettyParty } from "../ui/format.js";

export function showLanding(app) {
  const root = fromTemplate("tpl-landing");
  const seat = store.get("player");
  if (seat?.token) {
    root.querySelector(".actions").append(h("a", { class: "button", href: "#/play", testid: "resume-play", text: `Back to my game (${prettyParty(seat.partyId)})` }));
  }
  app.append(root);
}
