// @ts-check
// What the console shows when the server ends its game feed because the seat changed (protocol.md "watchEnded"):
// why, and the way back to the seat as it is now while this browser still holds it. A seat the instructor moved is
// followed at once (the console reopens on the new role and says so); a seat handed to another device or given to a
// bot is not this browser's any more, and the student asks the instructor again.

import { route } from "../../router.js";
import { refreshSeat } from "../../seats.js";
import { h, toast } from "../../ui/dom.js";

/** @import { Seat, WatchEnded } from "../../types.js" */

const NOT_HELD = "This browser holds the seat no longer: ask the instructor to seat you, or open your join link again.";

/**
 * @param {HTMLElement} root the console
 * @param {Seat} seat the seat the console opened with
 * @param {WatchEnded} ended
 */
export function showSeatEnded(root, seat, ended) {
  root.querySelector("[data-testid=seat-ended]")?.remove();
  const message = ended.message || "Your seat changed; this console shows the game no more.";
  const status = h("p", { class: "small", testid: "seat-ended-status" });
  const rejoin = h("button", { type: "button", class: "primary", testid: "seat-ended-rejoin", text: "Rejoin", onclick: () => follow() });
  const box = h("div", { class: "notice", role: "alert", testid: "seat-ended", "data-reason": ended.reason }, h("p", { text: message }), rejoin, status);
  root.querySelector("[data-field=notice]")?.after(box);
  // Every move and message would be refused (Unauthorized): the sections that make them are taken out of reach.
  for (const panel of root.querySelectorAll("#panel-offers, #panel-talk")) /** @type {HTMLElement} */ (panel).inert = true;

  async function follow() {
    rejoin.disabled = true;
    const now = await refreshSeat(seat);
    if (!document.contains(root)) return;
    if (now) {
      toast(message);
      route();
      return;
    }
    status.textContent = NOT_HELD;
  }

  if (ended.reason === "seatMoved") follow();
  else rejoin.focus();
}
