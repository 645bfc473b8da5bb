// @ts-check
// What the console shows when the server ends its game feed because the seat changed (protocol.md "watchEnded"):
// why, and a way back to the seat as it is now while this browser still holds it (moved by the instructor). A seat
// handed to another device or given to a bot is not this browser's any more; the instructor seats the student again.

import { route } from "../../router.js";
import { refreshSeat } from "../../seats.js";
import { h } from "../../ui/dom.js";

/** @import { Seat, WatchEnded } from "../../types.js" */

const NOT_HELD = "This browser holds the seat no longer: ask the instructor to seat you, or open your join link again.";

/**
 * @param {HTMLElement} root the console
 * @param {Seat} seat the seat the console opened with
 * @param {WatchEnded} ended
 */
export function showSeatEnded(root, seat, ended) {
  root.querySelector("[data-testid=seat-ended]")?.remove();
  const status = h("p", { class: "small", testid: "seat-ended-status" });
  const rejoin = h("button", { type: "button", class: "primary", testid: "seat-ended-rejoin", text: "Rejoin", onclick: async () => {
    rejoin.disabled = true;
    const now = await refreshSeat(seat);
    if (!document.contains(root)) return;
    if (now) { route(); return; }
    status.textContent = NOT_HELD;
  } });
  const box = h("div", { class: "notice", role: "alert", testid: "seat-ended", "data-reason": ended.reason },
    h("p", { text: ended.message || "Your seat changed; this console shows the game no more." }), rejoin, status);
  root.querySelector("[data-field=notice]")?.after(box);
  rejoin.focus();
}
