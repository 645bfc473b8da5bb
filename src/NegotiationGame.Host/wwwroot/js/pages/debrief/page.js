// @ts-check
// The debrief of one game: outcome, the negotiation dance, the Pareto frontier and a replay that rewinds them all.

import { danceChartOrNote } from "../../charts/dance.js";
import { buildPairDance } from "../../charts/pair-dance.js";
import { buildPareto } from "../../charts/pareto.js";
import { isCompact, legendItem, partyLegend, redrawOnCompactChange } from "../../charts/svg.js";
import { scenarioNames } from "../../game/names.js";
import { partyColours, usePartyColours } from "../../game/party-colours.js";
import { call } from "../../net/connection.js";
import { withData } from "../../net/event-stream.js";
import { route } from "../../router.js";
import { field, fromTemplate, showError } from "../../ui/dom.js";
import { debriefError, exportLinks, hideLoading, savedInstructor } from "../reports.js";
import { renderOutcome } from "./outcome.js";
import { buildReplay } from "./replay.js";

export function showDebrief(app, params) {
  const root = fromTemplate("tpl-debrief");
  const gameId = params.get("game") ?? "";
  const errorNode = field(root, "error");
  field(root, "gameId").textContent = gameId;
  root.querySelector("[data-action=reload]").addEventListener("click", route);
  app.append(root);
  const saved = savedInstructor(errorNode);
  if (!saved) return hideLoading(root);
  if (!gameId) { hideLoading(root); return showError(errorNode, "This debrief link names no game."); }
  exportLinks(root, saved, gameId);
  field(root, "transcript").href = `#/transcript?game=${encodeURIComponent(gameId)}`;
  loadDebrief(root, saved.instructorToken, gameId);
}

async function loadDebrief(root, token, gameId) {
  const result = await call("getDebrief", { token, gameId });
  if (!document.contains(root)) return;
  hideLoading(root);
  if (!result.ok) return showError(field(root, "error"), debriefError(result));
  const scenario = result.scenario;
  usePartyColours(scenario.parties);
  const ctx = {
    debrief: result, scenario, names: scenarioNames(scenario), colours: partyColours(scenario.parties),
    reservations: result.reservations ?? {}, offers: result.offers ?? [], events: (result.events ?? []).map(withData),
  };
  field(root, "scenarioTitle").textContent = scenario.title;
  field(root, "content").hidden = false;
  renderOutcome(field(root, "outcome"), ctx);
  const drawDance = () => field(root, "dance").replaceChildren(danceChartOrNote(ctx, isCompact(field(root, "dance"))));
  field(root, "danceLegend").replaceChildren(...partyLegend(scenario.parties, ctx.colours),
    legendItem("#5d6677", "reservation value", "dashed"));
  drawDance();
  const pairDance = buildPairDance(ctx);
  field(root, "dance").closest("section").after(pairDance.node);
  const drawPareto = buildPareto(root, ctx);
  redrawOnCompactChange(field(root, "dance"), () => { drawDance(); drawPareto(); });
  buildReplay(root, ctx, () => { drawDance(); drawPareto(); pairDance.draw(); });
}
