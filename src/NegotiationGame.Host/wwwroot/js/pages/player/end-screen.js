// @ts-check
// The student's end screen, shown in the console once their game has ended: their score against their reservation,
// what binds, the other parties' briefings as the instructor allows, the agreement against Nash and the frontier,
// and how their game compares with the class's other ended games.

import { paretoChart } from "../../charts/pareto.js";
import { isCompact, legendItem, redrawOnCompactChange } from "../../charts/svg.js";
import { againstReservation, compareGames, gameNumber, tellingOtherParty } from "../../game/end-screen.js";
import { partyColours } from "../../game/party-colours.js";
import { call } from "../../net/connection.js";
import { errorText, RETRY_MS } from "../../net/replies.js";
import { field, h } from "../../ui/dom.js";
import { paragraphs, points } from "../../ui/format.js";

/** @import { EndScreen, Names } from "../../types.js" */

// GameEnded can reach the console a moment before every read of the game agrees it is over; a few tries suffice.
const MAX_TRIES = 5;

/**
 * Puts the end screen under the console's header (once) and fills it from getEndScreen.
 * @param {{ root: HTMLElement, seat: { token: string }, names: Names, endScreen?: HTMLElement }} ctx
 */
export function showEndScreen(ctx) {
  if (ctx.endScreen) return;
  const body = h("div", { "aria-live": "polite" }, h("p", { class: "muted", text: "Loading your result…" }));
  const node = h("section", { class: "card end-screen", testid: "end-screen", "aria-labelledby": "end-screen-title" },
    h("h2", { id: "end-screen-title", text: "Your result" }), body);
  ctx.endScreen = node;
  const header = field(ctx.root, "partyHeader");
  if (header) header.after(node); else ctx.root.prepend(node);
  load(ctx, body, 1);
}

async function load(ctx, body, attempt) {
  const result = await call("getEndScreen", { token: ctx.seat.token });
  if (!document.contains(body)) return;
  if (!result.ok) {
    if (result.error?.code !== "Forbidden" && attempt < MAX_TRIES) setTimeout(() => load(ctx, body, attempt + 1), RETRY_MS);
    body.replaceChildren(h("p", { class: "error", text: errorText(result) }));
    return;
  }
  const screen = /** @type {EndScreen} */ (/** @type {unknown} */ (result));
  body.replaceChildren(
    scoreBlock(screen),
    bindingBlock(screen, ctx.names),
    othersBlock(screen, ctx.names),
    chartBlock(screen, ctx.names),
    classBlock(screen, () => load(ctx, body, 1)));
}

/** @param {EndScreen} screen */
function scoreBlock(screen) {
  const { margin, verdict } = againstReservation(screen.score, screen.reservation);
  const words = {
    above: `${points(margin)} above your reservation value: the deal beat walking away.`,
    at: "exactly your reservation value: the deal was worth as much as walking away.",
    below: `${points(-margin)} below your reservation value: walking away would have served you better.`,
  };
  return h("div", { class: `end-score end-${verdict}`, testid: "end-score" },
    h("p", { class: "end-score-figures" },
      h("strong", { testid: "end-score-value", text: points(screen.score) }), " points · reservation value ",
      h("strong", { testid: "end-reservation-value", text: points(screen.reservation) })),
    h("p", { testid: "end-verdict", text: `Your score is ${words[verdict]}` }));
}

/** @param {EndScreen} screen @param {Names} names */
function bindingBlock(screen, names) {
  return h("div", { class: "end-block" },
    h("h3", { text: "What binds" }),
    screen.binding.length
      ? h("ul", { class: "end-binding", testid: "end-binding" },
        screen.binding.map(({ issue, option }) => h("li", {}, h("span", { text: names.issue(issue) }), " → ", h("strong", { text: names.option(issue, option) }))))
      : h("p", { class: "muted", testid: "end-binding", text: "Nothing binds: every issue stays at its no-deal option." }));
}

/** @param {EndScreen} screen @param {Names} names */
function othersBlock(screen, names) {
  if (!screen.revealed) {
    return h("div", { class: "end-block" }, h("h3", { text: "The other parties" }),
      h("p", { class: "muted", testid: "end-briefings-closed", text: "Your instructor keeps the other parties' reservations and briefings confidential after the game." }));
  }
  return h("div", { class: "end-block", testid: "end-briefings" },
    h("h3", { text: "The other parties, revealed" }),
    screen.others.map(other => h("details", { class: "end-party", party: other.partyId, testid: `end-briefing-${other.partyId}` },
      h("summary", {},
        h("strong", { text: names.party(other.partyId) }),
        ` · score ${points(screen.scores[other.partyId])} · reservation ${points(other.reservation)}`),
      h("div", { class: "prose" }, paragraphs(other.briefing)))));
}

/** @param {EndScreen} screen @param {Names} names */
function chartBlock(screen, names) {
  const { analysis } = screen;
  if (!analysis) return null;
  const parties = screen.scenario.parties;
  const others = parties.filter(p => p.id !== screen.partyId);
  if (!others.length) return null;
  const reservations = Object.fromEntries([[screen.partyId, screen.reservation], ...screen.others.map(o => [o.partyId, o.reservation])]);
  const colours = partyColours(parties);
  const ctx = { debrief: { frontier: analysis.frontier, nash: analysis.nash, outcome: { utilities: analysis.utilities } }, names, colours, offers: [], reservations };
  const select = h("select", { testid: "end-chart-party" }, others.map(p => h("option", { value: p.id, text: p.name })));
  select.value = tellingOtherParty(screen.partyId, parties.map(p => p.id), screen.scores, analysis.nash) ?? others[0].id;
  const box = h("div", { class: "chart-box end-chart", testid: "end-chart" });
  const draw = () => box.replaceChildren(paretoChart(ctx, screen.partyId, select.value, isCompact(box)));
  select.addEventListener("change", draw);
  redrawOnCompactChange(box, draw);
  // Drawn once the box is in the page, so that its width decides between the phone and the wide canvas.
  requestAnimationFrame(draw);
  const verdict = analysis.paretoOptimal
    ? "The agreement is Pareto-optimal: no other outcome is better for one party without being worse for another."
    : "The agreement is not Pareto-optimal: some outcome was better for a party and no worse for anyone.";
  const nashDistance = typeof analysis.distanceToNash === "number" ? ` Its distance to the Nash point is ${points(analysis.distanceToNash)}.` : "";
  return h("div", { class: "end-block" },
    h("h3", { text: "The agreement against Nash and the frontier" }),
    h("label", { class: "inline" }, "Across, your utility; up, the utility of ", select),
    h("figure", { class: "chart-figure" }, box,
      h("figcaption", { class: "hint", testid: "end-chart-caption", text: `${verdict}${nashDistance} Grey dots: the frontier of every party, projected onto the two shown; dashed lines: the two reservation values.` })),
    h("ul", { class: "legend" }, legendItem("#b6bcc8", "frontier", "dot"), legendItem("#111827", "Nash point and the outcome (ring)", "dot")));
}

/** @param {EndScreen} screen @param {() => void} refresh */
function classBlock(screen, refresh) {
  const { rows, rank, of, meanRoleScore } = compareGames(screen.classGames);
  const party = screen.scenario.parties.find(p => p.id === screen.partyId)?.name ?? screen.partyId;
  const summary = of > 1
    ? `Of the ${of} games of the class that have ended, yours gave ${party} the ${rank === 1 ? "best" : `${ordinal(rank)} best`} score (the mean is ${points(meanRoleScore)}).`
    : "Yours is the only game of the class that has ended so far.";
  return h("div", { class: "end-block" },
    h("h3", { text: "Your game against the class" }),
    h("p", { testid: "end-class-summary", text: summary }),
    h("div", { class: "table-scroll", tabindex: 0, "aria-label": "Ended games of the class" },
      h("table", { class: "end-class", testid: "end-class" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Game" }), h("th", { scope: "col", text: `${party}'s score` }), h("th", { scope: "col", text: "Welfare" }))),
        h("tbody", {}, rows.map(row => h("tr", { class: row.own ? "own" : null, testid: row.own ? "end-class-own" : null },
          h("th", { scope: "row", text: `Game ${gameNumber(row.gameId)}${row.own ? " (yours)" : ""}` }),
          h("td", { text: points(row.roleScore) }),
          h("td", { text: points(row.welfare) })))))),
    h("button", { type: "button", class: "small", testid: "end-class-refresh", text: "Refresh the comparison", onclick: refresh }));
}

const ordinal = n => `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;
