// @ts-check
// Compares the games of a class: one row per game and the welfare chart.

import { isCompact, legendItem, partyLegend, redrawOnCompactChange } from "../charts/svg.js";
import { compareChart } from "../charts/welfare.js";
import { endedText } from "../game/event-text.js";
import { describePackage, scenarioNames } from "../game/names.js";
import { partyColours } from "../game/party-colours.js";
import { playedBy } from "../game/played-by.js";
import { debriefLink } from "../links.js";
import { call } from "../net/connection.js";
import { errorText } from "../net/replies.js";
import { field, fromTemplate, h, showError } from "../ui/dom.js";
import { fixed2, points } from "../ui/format.js";
import { rolesSection } from "./compare-roles.js";
import { debriefError, exportLinks, hideLoading, savedInstructor } from "./reports.js";

export function showCompare(app) {
  const root = fromTemplate("tpl-compare");
  const errorNode = field(root, "error");
  app.append(root);
  const saved = savedInstructor(errorNode);
  if (!saved) return hideLoading(root);
  field(root, "title").textContent = saved.title ?? "";
  exportLinks(root, saved, null);
  loadComparison(root, saved.instructorToken);
}

async function loadComparison(root, token) {
  const errorNode = field(root, "error");
  const result = await call("getClass", { token });
  if (!document.contains(root)) return;
  if (!result.ok) { hideLoading(root); return showError(errorNode, errorText(result)); }
  const { gameIds } = result.class;
  const debriefs = await Promise.all(gameIds.map(gameId => call("getDebrief", { token, gameId })));
  if (!document.contains(root)) return;
  hideLoading(root);
  field(root, "title").textContent = result.class.title;
  const scenario = debriefs.find(d => d.ok)?.scenario ?? result.scenario;
  if (!scenario || !debriefs.some(d => d.ok)) return showError(errorNode, "No game has started yet: start the class, then compare its games.");
  const games = gameIds.map((gameId, i) => ({ gameId, summary: (result.games ?? []).find(g => g.gameId === gameId), debrief: debriefs[i] }));
  const colours = partyColours(scenario.parties);
  field(root, "content").hidden = false;
  renderCompareTable(root, scenario, games);
  field(root, "compareBody").closest("section").after(rolesSection(scenario, games, scenarioNames(scenario), playedBy(result.class)));
  field(root, "compareLegend").replaceChildren(...partyLegend(scenario.parties, colours), legendItem("#111827", "max welfare", "dashed"),
    legendItem("#b42318", "no deal", "dashed"));
  const chart = field(root, "compareChart");
  const draw = () => chart.replaceChildren(compareChart(result.class.classId, scenario, games, colours, isCompact(chart)));
  draw();
  redrawOnCompactChange(chart, draw);
}

function renderCompareTable(root, scenario, games) {
  const names = scenarioNames(scenario);
  const numeric = ["Agreement", ...scenario.parties.map(p => p.name), "Welfare"];
  const headings = ["Game", "How it ended", ...numeric, "Pareto-optimal", "To frontier", "To Nash"];
  const isNumeric = text => numeric.includes(text) || text.startsWith("To ");
  field(root, "compareHead").replaceChildren(...headings.map(text => h("th", { scope: "col", class: isNumeric(text) ? "num" : null, text })));
  field(root, "compareBody").replaceChildren(...games.map(game => compareRow(game, scenario, names, headings.length)));
}

function compareRow({ gameId, summary, debrief }, scenario, names, columns) {
  const gameCell = h("th", { scope: "row", class: "nowrap" }, h("a", { href: debriefLink(gameId), text: gameId }));
  if (!debrief.ok) {
    return h("tr", { testid: `compare-${gameId}` }, gameCell, h("td", { colSpan: columns - 1, class: "muted", text: debriefError(debrief) }));
  }
  const outcome = debrief.outcome ?? {};
  const ended = outcome.ended ? endedText(outcome.ended) : `running${summary?.round ? ` · round ${summary.round}` : ""}`;
  const size = Object.keys(outcome.binding ?? {}).length;
  return h("tr", { testid: `compare-${gameId}` },
    gameCell,
    h("td", { text: ended }),
    h("td", { class: "num", text: size ? `${size} of ${scenario.issues.length}` : "no deal", title: describePackage(outcome.binding, names) }),
    ...scenario.parties.map(p => h("td", { class: "num", text: points(outcome.scores?.[p.id]) })),
    h("td", { class: "num", text: points(outcome.welfare) }),
    h("td", { text: outcome.paretoOptimal ? "yes" : "no" }),
    h("td", { class: "num", text: fixed2(outcome.distanceToFrontier) }),
    h("td", { class: "num", text: fixed2(outcome.distanceToNash) }));
}
