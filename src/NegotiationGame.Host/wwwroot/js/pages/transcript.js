// @ts-check
// A game's transcript for the teacher: who played each party, the outcome, and every event and message in order.
// It is a page of its own, laid out to print cleanly (css/transcript.css), so that the browser's "Save as PDF" files it.

import { scenarioNames } from "../game/names.js";
import { usePartyColours } from "../game/party-colours.js";
import { playedBy } from "../game/played-by.js";
import { transcriptLines } from "../game/transcript.js";
import { call } from "../net/connection.js";
import { withData } from "../net/event-stream.js";
import { h, showError } from "../ui/dom.js";
import { formatTime } from "../ui/format.js";
import { renderOutcome } from "./debrief/outcome.js";
import { debriefError, savedInstructor } from "./reports.js";

/** @import { Names, PublicScenario } from "../types.js" */

export function showTranscript(app, params) {
  const gameId = params.get("game") ?? "";
  const error = h("p", { class: "error", role: "alert", hidden: true, testid: "transcript-error" });
  const body = h("div", { class: "stack", testid: "transcript", "aria-busy": "true" }, h("p", { class: "muted", text: "Loading the transcript…" }));
  app.append(h("article", { class: "transcript card" },
    h("nav", { class: "row wrap no-print", "aria-label": "Transcript actions" },
      h("a", { class: "button ghost", href: `#/debrief?game=${encodeURIComponent(gameId)}`, text: "Back to the debrief" }),
      h("button", { type: "button", class: "primary", testid: "transcript-print", onclick: () => window.print(), text: "Print or save as PDF" })),
    error, body));
  const saved = savedInstructor(error);
  if (!saved) return body.replaceChildren();
  if (!gameId) { body.replaceChildren(); return showError(error, "This transcript link names no game."); }
  loadTranscript(body, error, saved, gameId);
}

async function loadTranscript(body, error, saved, gameId) {
  const [debrief, room] = await Promise.all([
    call("getDebrief", { token: saved.instructorToken, gameId }),
    call("getClass", { token: saved.instructorToken }),
  ]);
  if (!document.contains(body)) return;
  body.removeAttribute("aria-busy");
  if (!debrief.ok) { body.replaceChildren(); return showError(error, debriefError(debrief)); }
  /** @type {PublicScenario} */
  const scenario = debrief.scenario;
  usePartyColours(scenario.parties);
  const names = scenarioNames(scenario);
  const events = (debrief.events ?? []).map(withData);
  const outcome = h("section", { class: "transcript-outcome", testid: "transcript-outcome" });
  renderOutcome(outcome, { debrief, scenario, names, reservations: debrief.reservations ?? {} });
  body.replaceChildren(
    h("header", {},
      h("h1", { text: `Transcript of ${gameId}` }),
      h("p", { text: [room.ok ? room.class.title : null, scenario.title].filter(Boolean).join(" · ") }),
      h("p", { class: "muted", text: events.length ? `From ${new Date(events[0].at).toLocaleString()} to ${new Date(events[events.length - 1].at).toLocaleString()}, ${events.length} events` : "Nothing has happened in this game yet." })),
    seatsTable(scenario, room.ok ? room : null, gameId),
    outcome,
    linesTable(events, names));
}

/** Who played each party: the students seated in it now, or the bot. */
function seatsTable(scenario, room, gameId) {
  const playersOf = partyId => playedBy(room?.class ?? null)(gameId, partyId);
  return h("section", {},
    h("h2", { text: "Who played whom" }),
    h("table", { testid: "transcript-seats" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Party" }), h("th", { scope: "col", text: "Leader" }), h("th", { scope: "col", text: "Played by" }))),
      h("tbody", {}, ...scenario.parties.map(p => h("tr", { testid: `transcript-seat-${p.id}` },
        h("th", { scope: "row", class: "party-tag", party: p.id, text: p.name }),
        h("td", { text: p.leader ?? "" }),
        h("td", { text: playersOf(p.id) }))))));
}

/**
 * @param {import("../types.js").GameEvent[]} events
 * @param {Names} names
 */
function linesTable(events, names) {
  const rows = transcriptLines(events, names).map(line => h("tr", { class: `line-${line.kind}`, "data-sequence": line.sequence, party: line.actor },
    h("td", { class: "num", text: String(line.sequence) }),
    h("td", { text: formatTime(line.at) }),
    h("td", { class: "num", text: line.round ? String(line.round) : "–" }),
    h("td", { text: line.actor ? names.party(line.actor) : "" }),
    h("td", {}, line.kind === "private" ? h("span", { class: "private-tag", text: "Private" }) : null, line.text)));
  return h("section", {},
    h("h2", { text: "Everything that happened, in order" }),
    h("table", { class: "transcript-lines", testid: "transcript-lines" },
      h("thead", {}, h("tr", {}, ...["#", "Time", "Round", "Who", "What"].map(text => h("th", { scope: "col", text })))),
      h("tbody", {}, ...rows)));
}
