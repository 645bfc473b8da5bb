// @ts-check
// A student who asked the instructor for a seat waits here until the answer comes, then goes to the game.

import { errorText } from "../net/replies.js";
import { onCleanup } from "../router.js";
import { collectSeat, pendingRequestOf, withdrawRequest } from "../seats.js";
import { h } from "../ui/dom.js";

// The asker has no token the server could push to, so it asks again at this pace (docs/protocol.md "Seats").
const COLLECT_MS = 3000;

/**
 * @param {HTMLElement} app
 * @param {string} classId
 * @param {() => void} backToForm shows the join form again
 */
export function showSeatWait(app, classId, backToForm) {
  const request = pendingRequestOf(classId);
  if (!request) return backToForm();
  const status = h("p", { class: "notice", role: "status", testid: "seat-wait-status", text: "The instructor has your request. This page checks every few seconds: keep it open." });
  const stop = h("button", { type: "button", text: "Stop waiting", testid: "seat-wait-stop" });
  const card = h("section", { class: "card narrow", testid: "seat-wait" },
    h("h1", { text: "Waiting for the instructor" }),
    h("p", { text: `You asked for a seat as ${request.name} (code ${request.code}). You will be taken to your game as soon as the instructor lets you in.` }),
    status, h("div", { class: "actions" }, stop));
  let timer = 0;
  let stopped = false;
  onCleanup(() => { stopped = true; clearTimeout(timer); });
  stop.addEventListener("click", () => {
    stopped = true;
    clearTimeout(timer);
    withdrawRequest(classId);
    backToForm();
  });

  async function check() {
    const answer = await collectSeat(classId, request);
    if (stopped || !document.contains(card)) return;
    if (answer.status === "approved") { location.hash = "#/play"; return; }
    if (answer.status === "denied") return showRefused("The instructor did not give you a seat. Ask them, then try again.");
    if (answer.status === "failed" && answer.reply.error?.code === "UnknownSeat") return showRefused("This request is no longer known; ask again.");
    status.textContent = answer.status === "failed" ? `${errorText(answer.reply)} Trying again…` : status.textContent;
    timer = setTimeout(check, COLLECT_MS);
  }

  function showRefused(message) {
    status.textContent = message;
    stop.textContent = "Back";
  }

  app.replaceChildren(card);
  check();
}
