// @ts-check
// The instructor's choice whether students read the other parties' briefings on their end screen, beside the
// choice about private channels (both are setRevealPolicy's; docs/protocol.md, "The briefing reveal").

import { call } from "../../net/connection.js";
import { errorText } from "../../net/replies.js";
import { h, showError, toast } from "../../ui/dom.js";

/**
 * Adds the checkbox after the private-channel one and returns what shows the class's current setting.
 * @param {HTMLInputElement} channels the private-channel checkbox, whose label the new one follows
 * @param {string} token
 * @param {HTMLElement} errorNode
 * @returns {(revealBriefingsAfterEnd: boolean) => void}
 */
export function mountBriefingReveal(channels, token, errorNode) {
  const box = h("input", { type: "checkbox", checked: true, testid: "reveal-briefings" });
  const label = h("label", { class: "check" }, box, " Show students the other parties' briefings and reservations once their game has ended");
  (channels.closest("label") ?? channels).after(label);
  box.addEventListener("change", async () => {
    const result = await call("setRevealPolicy", { token, revealPrivateAfterEnd: channels.checked, revealBriefingsAfterEnd: box.checked });
    if (!result.ok) return showError(errorNode, errorText(result));
    toast(box.checked ? "Students will read every party's briefing on their end screen." : "The other parties' briefings stay confidential after the end.");
  });
  return reveal => { box.checked = reveal; };
}
