// @ts-check
// The projector board: every issue as a tile (or a region of a schematic map), the clock large, the latest move in
// words and who is on a call. It draws a board state (game/board-state.js) and nothing else, so the spectator
// page, the instructor's game page and the debrief's replay show the same thing for the same log.
//
//   const board = mountBoard(container, { scenario });
//   board.apply(event);            // live: fold one more event and redraw
//   board.show(state, atMs);       // replay: draw a state as it stood at a moment

import { activeCalls, emptyBoard, nextBoard } from "../game/board-state.js";
import { describeEvent, describeScores } from "../game/event-text.js";
import { plainNames, scenarioNames } from "../game/names.js";
import { onCleanup } from "../router.js";
import { h } from "../ui/dom.js";
import { formatTime, listJoin } from "../ui/format.js";
import { boardMap, isMapGroup } from "./board-map.js";
import { clockWords, issueStatusText, STATE_WORDS } from "./board-words.js";

/** @import { BoardState } from "../game/board-state.js" */
/** @import { GameEvent, Names, PublicScenario, ScenarioIssue } from "../types.js" */

/**
 * @typedef {object} BoardHandle
 * @property {(scenario: PublicScenario) => void} setScenario
 * @property {(e: GameEvent) => void} apply folds one more event (live pages)
 * @property {(state: BoardState, atMs?: number) => void} show draws a state; atMs is the moment the clock reads (now by default)
 * @property {() => BoardState | null} state
 * @property {() => void} destroy
 */

/** @type {(scenario: PublicScenario) => [string, ScenarioIssue[]][]} the issues by group, in the scenario's order */
function groups(scenario) {
  const byGroup = new Map();
  for (const issue of scenario.issues) {
    const group = issue.group || "Issues";
    if (!byGroup.has(group)) byGroup.set(group, []);
    byGroup.get(group).push(issue);
  }
  return [...byGroup.entries()];
}

/**
 * @param {HTMLElement} container emptied and filled with the board
 * @param {{ scenario?: PublicScenario }} [options]
 * @returns {BoardHandle}
 */
export function mountBoard(container, options = {}) {
  /** @type {PublicScenario | undefined} */
  let scenario = options.scenario;
  /** @type {BoardState | null} */
  let current = scenario ? emptyBoard(scenario) : null;
  /** @type {Names} */
  let names = scenario ? scenarioNames(scenario) : plainNames;
  /** @type {GameEvent[]} events that came before the scenario did */
  let early = [];
  let liveClock = true;
  let atMs = Date.now();
  let frame = 0;

  const root = h("section", { class: "board", testid: "board", "aria-label": "The board" });
  container.replaceChildren(root);

  // A catch-up of thousands of events redraws once, at the next frame.
  const redrawSoon = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => { frame = 0; draw(); });
  };
  const ticker = setInterval(() => { if (liveClock && current) drawClock(); }, 1000);

  function drawClock() {
    const node = root.querySelector("[data-part=clock]");
    if (node && current) node.replaceWith(clockPart(current, liveClock ? Date.now() : atMs));
  }

  function clockPart(state, now) {
    const words = clockWords(state.clock, now, scenario?.rounds);
    return h("div", { class: "board-clock", "data-part": "clock", testid: "board-clock" },
      h("span", { class: "board-phase", text: words.phase }),
      words.round && h("span", { class: "board-round", text: words.round }),
      words.time && h("span", { class: "board-time", text: words.time, testid: "board-time" }));
  }

  function draw() {
    if (!scenario || !current) return;
    const state = current;
    const highlighted = new Set(state.latest?.issues ?? []);
    root.dataset.sequence = String(state.sequence);
    root.replaceChildren(
      h("header", { class: "board-head" },
        h("h2", { class: "board-title", text: scenario.title }),
        clockPart(state, liveClock ? Date.now() : atMs)),
      latestPart(state),
      h("div", { class: "board-body" },
        h("div", { class: "board-groups" }, ...groups(scenario).map(([group, issues]) => groupPart(group, issues, state, highlighted))),
        h("aside", { class: "board-side" }, callsPart(state), recentPart(state), state.ended && scoresPart(state))));
  }

  function latestPart(state) {
    const move = state.latest;
    return h("p", { class: "board-latest", testid: "board-latest", "aria-live": "polite", "data-sequence": move?.sequence ?? 0 },
      move ? describeEvent(/** @type {GameEvent} */ ({ gameId: "", ...move }), names) : "Nothing has happened yet.");
  }

  function groupPart(group, issues, state, highlighted) {
    const body = isMapGroup(issues)
      ? h("div", { class: "board-map-box" }, boardMap(group, issues, state.issues, highlighted, names), mapKey(issues, state, highlighted))
      : h("div", { class: "board-tiles" }, ...issues.map(issue => tile(issue, state, highlighted)));
    return h("section", { class: "board-group", "aria-label": group }, h("h3", { text: group }), body);
  }

  // The map names each region's option; the list under it says the rest (who must still sign), as the tiles do.
  function mapKey(issues, state, highlighted) {
    return h("ul", { class: "board-map-key" }, ...issues.map(issue => {
      const entry = state.issues[issue.id];
      return h("li", { class: `state-${entry.state}${highlighted.has(issue.id) ? " latest" : ""}`, testid: `board-issue-${issue.id}`, "data-state": entry.state, "data-option": entry.option },
        h("strong", { text: `${issue.name}: ` }), `${names.option(issue.id, entry.option)} · ${issueStatusText(entry, names)}`);
    }));
  }

  function tile(issue, state, highlighted) {
    const entry = state.issues[issue.id];
    return h("article", { class: `board-tile state-${entry.state}${highlighted.has(issue.id) ? " latest" : ""}`, testid: `board-issue-${issue.id}`, "data-state": entry.state, "data-option": entry.option },
      h("h4", { text: issue.name }),
      h("p", { class: "board-option", text: names.option(issue.id, entry.option) }),
      h("p", { class: "board-state" }, h("span", { class: "board-badge", text: STATE_WORDS[entry.state] }), " ", issueStatusText(entry, names)));
  }

  function callsPart(state) {
    const calls = activeCalls(state, liveClock ? Date.now() : atMs);
    return h("section", { class: "board-calls", testid: "board-calls" },
      h("h3", { text: "On a call" }),
      calls.length
        ? h("ul", {}, ...calls.map(call => h("li", { "data-channel": call.channel.join("+") },
          ...call.channel.map(party => h("span", { class: "party-chip", party, text: names.party(party) })),
          h("span", { class: "muted", text: ` since ${formatTime(call.lastAt)}` }))))
        : h("p", { class: "muted", text: "Nobody right now." }),
      state.walkedAway.length ? h("p", { text: `Walked away: ${listJoin(state.walkedAway.map(names.party))}` }) : null);
  }

  function recentPart(state) {
    return h("section", { class: "board-recent" },
      h("h3", { text: "Latest moves" }),
      h("ol", {}, ...state.recent.map(move => h("li", { text: `${formatTime(move.at)} ${describeEvent(/** @type {GameEvent} */ ({ gameId: "", ...move }), names)}` }))));
  }

  function scoresPart(state) {
    return h("section", { class: "board-scores", testid: "board-scores" },
      h("h3", { text: "Final scores" }), h("p", { text: describeScores(state.ended.scores, names) }));
  }

  /** @type {BoardHandle} */
  const handle = {
    setScenario(next) {
      scenario = next;
      names = scenarioNames(next);
      let state = emptyBoard(next);
      for (const e of early) state = nextBoard(next, state, e);
      early = [];
      current = state;
      redrawSoon();
    },
    apply(e) {
      if (!scenario || !current) { early.push(e); return; }
      current = nextBoard(scenario, current, e);
      liveClock = true;
      redrawSoon();
    },
    show(state, at) {
      current = state;
      liveClock = at === undefined;
      atMs = at ?? Date.now();
      draw();
    },
    state: () => current,
    destroy() {
      clearInterval(ticker);
      cancelAnimationFrame(frame);
    },
  };
  onCleanup(handle.destroy);
  return handle;
}
