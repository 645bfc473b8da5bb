// @ts-check
// Draws a game clock; one page-wide timer ticks every countdown on the page.

import { h } from "./dom.js";
import { formatSeconds } from "./format.js";

function countdownNode(clock) {
  if (clock.paused) return h("span", { class: "countdown", text: clock.remaining != null ? `${formatSeconds(clock.remaining)} left` : "" });
  if (!clock.deadline) return h("span", { class: "countdown muted", text: clock.phase === "Lobby" ? "not started" : "no time limit" });
  return h("span", { class: "countdown", "data-deadline": clock.deadline, text: countdownText(clock.deadline) });
}

const countdownText = deadline => `${formatSeconds((deadline - Date.now()) / 1000)} left`;

export function renderClock(node, clock, rounds) {
  const round = clock.phase === "Negotiation" ? `Round ${clock.round}${rounds ? ` of ${rounds}` : ""}` : "";
  const parts = [
    h("span", { class: `phase phase-${clock.phase.toLowerCase()}`, text: clock.phase }),
    round && h("span", { class: "round", text: round }),
    clock.phase !== "Ended" && countdownNode(clock),
    clock.paused && h("span", { class: "badge paused", text: "paused" }),
  ];
  node.replaceChildren(...parts.filter(Boolean));
}

setInterval(() => {
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".countdown[data-deadline]"))) {
    node.textContent = countdownText(Number(node.dataset.deadline));
  }
}, 1000);
