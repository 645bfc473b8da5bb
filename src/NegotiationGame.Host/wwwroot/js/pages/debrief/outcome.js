// @ts-check
// The outcome card of a debrief: how the game ended, what binds, and each party's score against its reservation.

import { endedText } from "../../game/event-text.js";
import { describeTerms } from "../../game/names.js";
import { h } from "../../ui/dom.js";
import { fixed2, points } from "../../ui/format.js";

function fact(label, value, testid) {
  return h("div", {}, h("dt", { text: label }), h("dd", { text: value, testid }));
}


export function renderOutcome(node, ctx) {
  const { debrief, scenario, names } = ctx;
  const outcome = debrief.outcome ?? {};
  const terms = describeTerms(outcome.binding, names);
  node.replaceChildren(
    h("h2", { id: "outcome-title", text: "Outcome" }),
    h("dl", { class: "facts" },
      fact("How it ended", endedText(outcome.ended), "outcome-ended"),
      fact("Welfare", points(outcome.welfare), "outcome-welfare"),
      fact("Pareto-optimal", outcome.paretoOptimal ? "yes" : "no", "outcome-pareto"),
      fact("Distance to frontier", fixed2(outcome.distanceToFrontier), "outcome-frontier-distance"),
      fact("Distance to Nash", fixed2(outcome.distanceToNash), "outcome-nash-distance")),
    h("h3", { text: `Binding agreement (${terms.length} of ${scenario.issues.length} issues)` }),
    terms.length
      ? h("ul", { class: "terms", testid: "outcome-binding" }, ...terms.map(text => h("li", { text })))
      : h("p", { class: "muted", testid: "outcome-binding", text: "No deal: every issue stays at its no-deal option." }),
    h("div", { class: "table-scroll" }, scoreTable(ctx)));
}

function scoreTable(ctx) {
  const { scenario, debrief, reservations } = ctx;
  const scores = debrief.outcome?.scores ?? {};
  const rows = scenario.parties.map(p => {
    const score = scores[p.id];
    const reservation = reservations[p.id];
    const margin = typeof score === "number" && typeof reservation === "number" ? score - reservation : null;
    return h("tr", { testid: `outcome-party-${p.id}` },
      h("th", { scope: "row", class: "party-tag", party: p.id, text: p.name }),
      h("td", { class: "num", text: points(score) }),
      h("td", { class: "num", text: points(reservation) }),
      h("td", { class: `num ${margin < 0 ? "below" : "above"}`, text: margin == null ? "–" : `${margin >= 0 ? "+" : "−"}${Math.abs(margin).toFixed(1)}` }));
  });
  return h("table", { testid: "outcome-scores" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Party" }),
      ...["Score", "Reservation", "Margin"].map(text => h("th", { scope: "col", class: "num", text })))),
    h("tbody", {}, ...rows));
}
