// @ts-check
// The debrief's replay: the timeline moves the board, the offers and agreements and the charts to any event, each
// the fold of the log up to it. Play and pause at several speeds, jumps to the next or previous offer and
// agreement, and the keyboard (arrows, space, Home, End) on the timeline.

import { mountBoard } from "../../board/board.js";
import { renderOfferTables } from "../../board/offer-tables.js";
import { emptyBoard, nextBoard } from "../../game/board-state.js";
import { jumpIndex, offersAt, STOPS } from "../../game/replay-stops.js";
import { onCleanup } from "../../router.js";
import { field, h } from "../../ui/dom.js";
import { buildTimeline } from "./timeline.js";

/** @import { BoardState } from "../../game/board-state.js" */

const SPEEDS = [1, 2, 5, 10, 25]; // events a second

function offerTables() {
  const head = cells => h("thead", {}, h("tr", {}, ...cells.map(text => h("th", { scope: "col", text }))));
  const offers = h("tbody");
  const agreements = h("tbody");
  const node = h("div", { class: "replay-tables" },
    h("div", {}, h("h3", { text: "Offers at this moment" }),
      h("div", { class: "table-scroll" }, h("table", { testid: "replay-offers" }, head(["#", "From", "To", "Package", "Status"]), offers))),
    h("div", {}, h("h3", { text: "Agreements at this moment" }),
      h("div", { class: "table-scroll" }, h("table", { testid: "replay-agreements" }, head(["#", "Accepted by", "Binding", "Signed later"]), agreements))));
  return { node, offers, agreements };
}

/**
 * @param {HTMLElement} root the debrief
 * @param {any} ctx the debrief's context; its `offers` is set to those tabled up to the position
 * @param {() => void} redrawCharts draws the dance and the frontier from ctx again
 */
export function buildReplay(root, ctx, redrawCharts) {
  const { events, scenario, names } = ctx;
  const allOffers = ctx.offers;
  const host = field(root, "replay");
  /** @type {BoardState[]} every frame, computed once: scrubbing back and forth then costs nothing */
  const frames = [];
  events.reduce((board, e) => { const next = nextBoard(scenario, board, e); frames.push(next); return next; }, emptyBoard(scenario));

  const play = h("button", { type: "button", class: "small", testid: "replay-play", "aria-pressed": "false", text: "▶ Play" });
  const speed = h("select", { testid: "replay-speed", "aria-label": "Replay speed" },
    ...SPEEDS.map(s => h("option", { value: String(s), text: `${s} event${s === 1 ? "" : "s"} a second` })));
  const jump = (label, testid, types, direction) =>
    h("button", { type: "button", class: "small ghost", testid, text: label, onclick: () => goTo(jumpIndex(events, position, types, direction)) });
  const boardBox = h("div", { class: "replay-board" });
  const tables = offerTables();
  host.replaceChildren(
    h("div", { class: "replay-controls row wrap" }, play, speed,
      jump("◀ Offer", "replay-prev-offer", STOPS.offer, -1), jump("Offer ▶", "replay-next-offer", STOPS.offer, 1),
      jump("◀ Agreement", "replay-prev-agreement", STOPS.agreement, -1), jump("Agreement ▶", "replay-next-agreement", STOPS.agreement, 1)),
    h("p", { class: "hint", text: "Keys on the timeline: ← → one event, Space play or pause, Home and End the first and the last event." }),
    boardBox, tables.node);
  const board = mountBoard(boardBox, { scenario });

  let position = events.length - 1;
  let shownOffers = allOffers.length;
  let chartFrame = 0;
  const timeline = buildTimeline(root, ctx, index => { pause(); goTo(index); });
  if (!timeline) {
    host.querySelectorAll("button, select").forEach(control => { /** @type {HTMLButtonElement} */ (control).disabled = true; });
    return;
  }

  function goTo(index) {
    position = Math.max(0, Math.min(events.length - 1, index));
    const e = events[position];
    timeline.show(position);
    board.show(frames[position], Date.parse(e.at));
    renderOfferTables(tables.offers, tables.agreements, offersAt(events, position), names);
    ctx.offers = allOffers.filter(o => o.sequence <= e.sequence);
    // The frontier chart holds thousands of points: redraw it only when an offer came or went, once a frame.
    if (ctx.offers.length !== shownOffers && !chartFrame) {
      chartFrame = requestAnimationFrame(() => { chartFrame = 0; shownOffers = ctx.offers.length; redrawCharts(); });
    }
  }

  /** @type {ReturnType<typeof setInterval> | 0} */
  let timer = 0;
  function pause() {
    clearInterval(timer);
    timer = 0;
    play.textContent = "▶ Play";
    play.setAttribute("aria-pressed", "false");
  }
  function start() {
    if (position >= events.length - 1) goTo(0);
    play.textContent = "❚❚ Pause";
    play.setAttribute("aria-pressed", "true");
    timer = setInterval(() => {
      if (position >= events.length - 1) pause();
      else goTo(position + 1);
    }, 1000 / Number(speed.value));
  }
  const toggle = () => (timer ? pause() : start());
  play.addEventListener("click", toggle);
  speed.addEventListener("change", () => { if (timer) { pause(); start(); } });
  onCleanup(pause);

  const section = /** @type {HTMLElement} */ (host.closest("[data-testid=timeline]"));
  section.tabIndex = 0;
  section.setAttribute("aria-keyshortcuts", "ArrowLeft ArrowRight Space Home End");
  section.addEventListener("keydown", event => {
    if (event.target instanceof HTMLSelectElement || event.altKey || event.ctrlKey || event.metaKey) return;
    // A focused button keeps its own Space.
    if (event.key === " " && event.target instanceof HTMLButtonElement) return;
    const moves = { ArrowLeft: position - 1, ArrowRight: position + 1, Home: 0, End: events.length - 1 };
    if (event.key in moves) { pause(); goTo(moves[event.key]); }
    else if (event.key === " ") toggle();
    else return;
    event.preventDefault();
  });
  goTo(position);
}
