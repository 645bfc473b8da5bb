// @ts-check
// The timeline's feed and scrubber over the game's whole event log, one event at a time. It says where the user
// asked to go (onMove) and shows a position when told (show); the replay (replay.js) decides what follows.

import { buttonIn, field } from "../../ui/dom.js";
import { feedItem } from "../../ui/feed.js";

/** @import { GameEvent, Names } from "../../types.js" */

function roundsByEvent(events) {
  let round = 0;
  return events.map(e => {
    if (e.type === "NegotiationStarted") round = 1;
    else if (e.type === "RoundAdvanced") round = e.data.round;
    return round;
  });
}

const clockTime = iso => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
};

/**
 * @param {HTMLElement} root the debrief
 * @param {{ events: GameEvent[], names: Names }} ctx
 * @param {(index: number) => void} onMove the scrubber or a step button asks for this position
 * @returns {{ show: (index: number) => void } | null} null when the log is empty
 */
export function buildTimeline(root, ctx, onMove) {
  const { events, names } = ctx;
  const range = field(root, "scrubber");
  const feed = field(root, "timelineFeed");
  const label = field(root, "timelineLabel");
  const back = buttonIn(root, "[data-action=step-back]");
  const forward = buttonIn(root, "[data-action=step-forward]");
  if (!events.length) {
    label.textContent = "No events yet.";
    [range, back, forward].forEach(control => { control.disabled = true; });
    return null;
  }
  const rounds = roundsByEvent(events);
  const items = events.map(e => feedItem(e, names));
  const last = events.length - 1;

  // The feed grows and shrinks at its end, so scrubbing through a long log never rebuilds it.
  function show(index) {
    while (feed.children.length > index + 1) feed.lastElementChild.remove();
    while (feed.children.length < index + 1) feed.append(items[feed.children.length]);
    feed.querySelector(".current")?.classList.remove("current");
    items[index].classList.add("current");
    range.value = index;
    const round = rounds[index] ? `round ${rounds[index]}` : "before round 1";
    label.textContent = `event ${index + 1} of ${events.length} · ${round} · ${clockTime(events[index].at)}`;
    back.disabled = index === 0;
    forward.disabled = index === last;
    feed.scrollTop = feed.scrollHeight;
  }

  range.max = last;
  range.addEventListener("input", () => onMove(Number(range.value)));
  back.addEventListener("click", () => onMove(Math.max(0, Number(range.value) - 1)));
  forward.addEventListener("click", () => onMove(Math.min(last, Number(range.value) + 1)));
  return { show };
}
