// @ts-check
// The offer builder: one choice per issue, addressees, and the score and signatures the package would bring.

import { describePackage } from "../../game/names.js";
import { packageScore, requiredSignatories } from "../../game/outcome.js";
import { act } from "../../net/connection.js";
import { errorText } from "../../net/replies.js";
import { refusalReason } from "../../game/refusals.js";
import { buttonIn, field, formIn, h, showError, toast } from "../../ui/dom.js";
import { points } from "../../ui/format.js";
import { buildTalk } from "./talk.js";

/** @import { OfferPackage, PublicScenario } from "../../types.js" */
/** @import { PlayerContext } from "./page.js" */

/**
 * @param {PublicScenario["issues"]} issues
 * @returns {Map<string, PublicScenario["issues"]>} group name → its issues, in the scenario's order
 */
function groupIssues(issues) {
  const groups = new Map();
  for (const issue of issues) {
    const name = issue.group || "Other";
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(issue);
  }
  return groups;
}

/** @type {(issueId: string) => HTMLSelectElement | null} */
const issueSelect = issueId => /** @type {HTMLSelectElement | null} */ (document.getElementById(`issue-${issueId}`));

/** @param {PlayerContext} ctx */
export function buildOfferBuilder(ctx) {
  const { root, scenario, view } = ctx;
  const form = formIn(root, "[data-role=offer-form]");
  const redLines = new Set(view.redLines);
  const groups = [...groupIssues(scenario.issues)].map(([group, issues]) =>
    h("fieldset", { class: "issue-group" }, h("legend", { text: group }), ...issues.map(issue => issueField(issue, redLines))));
  field(root, "issues").replaceChildren(...groups);

  const others = scenario.parties.filter(p => p.id !== ctx.seat.partyId);
  field(root, "addressees").replaceChildren(...others.map(p => h("label", { class: "check party-chip", party: p.id },
    h("input", { type: "checkbox", name: "addressee", value: p.id, testid: `addressee-${p.id}` }), p.name)));

  form.addEventListener("change", () => updateBuilderSummary(ctx));
  form.addEventListener("input", () => updateBuilderSummary(ctx));
  buildTalk(ctx, others);
  form.addEventListener("reset", () => setTimeout(() => { setCounter(ctx, null); updateBuilderSummary(ctx); }));
  form.addEventListener("submit", event => { event.preventDefault(); submitOffer(ctx); });
  root.querySelector("[data-action=cancel-counter]").addEventListener("click", () => form.reset());
  ctx.builderReady = true;
  field(root, "builderCard").hidden = false; // hidden in the lobby, where there is nothing to offer yet
}

function issueField(issue, redLines) {
  const select = h("select", { id: `issue-${issue.id}`, name: issue.id, testid: `issue-${issue.id}` },
    h("option", { value: "", text: "— leave open —" }),
    ...issue.options.map(o => h("option", { value: o.id, text: redLines.has(`${issue.id}/${o.id}`) ? `${o.label} ⛔ red line` : o.label })));
  return h("div", { class: "issue" },
    h("label", { for: `issue-${issue.id}`, text: issue.name }),
    select,
    issue.description && h("p", { class: "hint", text: issue.description }));
}

/**
 * @param {PlayerContext} ctx
 * @returns {OfferPackage}
 */
function readPackage(ctx) {
  const pkg = {};
  for (const issue of ctx.scenario.issues) {
    const value = issueSelect(issue.id)?.value;
    if (value) pkg[issue.id] = value;
  }
  return pkg;
}

const readAddressees = root => [...root.querySelectorAll("input[name=addressee]:checked")].map(input => input.value);

const redLineHits = (view, pkg) => Object.entries(pkg).filter(([issue, option]) => view.redLines.includes(`${issue}/${option}`));

/**
 * The parties whose signature the package needs before it binds.
 * @param {PublicScenario} scenario
 * @param {OfferPackage} pkg
 * @returns {string[]}
 */
const requiredSigners = (scenario, pkg) =>
  [...new Set(Object.entries(pkg).flatMap(([issue, option]) => requiredSignatories(scenario, issue, option)))];

/** @param {PlayerContext} ctx */
export function updateBuilderSummary(ctx) {
  if (!ctx.builderReady || !ctx.view) return;
  const { root, view, scenario, names } = ctx;
  const pkg = readPackage(ctx);
  const score = packageScore(view, scenario, pkg);
  field(root, "score").textContent = points(score);
  field(root, "score").classList.toggle("below", score < view.reservation);
  field(root, "scoreHint").textContent = score < view.reservation ? `(below your reservation value ${points(view.reservation)})` : "";
  const hits = redLineHits(view, pkg);
  showError(field(root, "redLineWarning"), hits.length ? `Crosses your red line: ${describePackage(Object.fromEntries(hits), names)}` : "");
  const signers = requiredSigners(scenario, pkg);
  field(root, "signers").textContent = signers.length ? `Must sign: ${signers.map(names.party).join(", ")}` : "Choose options for the issues you want to settle.";
}

/** @param {PlayerContext} ctx */
export function updateBuilderAvailability(ctx) {
  const reason = refusalReason(ctx.clock, ctx.walkedAway);
  field(ctx.root, "builderFields").disabled = reason !== null;
  buttonIn(ctx.root, "[data-action=walk-away]").disabled = reason !== null;
  const form = ctx.root.querySelector("[data-role=offer-form]");
  let note = /** @type {HTMLElement | null} */ (ctx.root.querySelector("[data-testid=builder-closed-reason]"));
  if (!note) {
    note = h("p", { class: "muted", role: "status", testid: "builder-closed-reason" });
    form.before(note);
  }
  note.textContent = reason ?? "";
  note.hidden = reason === null;
}


function setCounter(ctx, offer) {
  const { root } = ctx;
  ctx.counterTo = offer?.offerId ?? null;
  field(root, "builderTitle").textContent = offer ? `Counter offer #${offer.offerId}` : "Make an offer";
  root.querySelector("[data-testid=offer-submit]").textContent = offer ? "Send counter-offer" : "Table offer";
  root.querySelector("[data-action=cancel-counter]").hidden = !offer;
  field(root, "expiryLabel").hidden = !!offer;
}

export function prefillCounter(ctx, offer) {
  const { root, scenario, seat } = ctx;
  for (const issue of scenario.issues) issueSelect(issue.id).value = offer.package[issue.id] ?? "";
  const to = new Set([offer.proposer, ...offer.addressees].filter(p => p !== seat.partyId));
  root.querySelectorAll("input[name=addressee]").forEach(input => { input.checked = to.has(input.value); });
  setCounter(ctx, offer);
  updateBuilderSummary(ctx);
  root.querySelector(".builder").scrollIntoView({ behavior: "smooth", block: "start" });
}

async function submitOffer(ctx) {
  const { root } = ctx;
  const errorNode = field(root, "error");
  const pkg = readPackage(ctx);
  const addressees = readAddressees(root);
  if (!Object.keys(pkg).length) return showError(errorNode, "Choose an option for at least one issue.");
  if (!addressees.length) return showError(errorNode, "Choose at least one party to send the offer to.");
  const expiry = Number(root.querySelector("[name=expiry]").value);
  const command = ctx.counterTo
    ? { type: "counter", offerId: ctx.counterTo, package: pkg, addressees }
    : { type: "table", package: pkg, addressees, expiresAfterRounds: expiry > 0 ? expiry : undefined };
  const button = root.querySelector("[data-testid=offer-submit]");
  button.disabled = true;
  const result = await act(ctx.seat.token, command);
  button.disabled = false;
  if (!result.ok) return showError(errorNode, errorText(result));
  showError(errorNode, "");
  toast(ctx.counterTo ? "Counter-offer sent." : "Offer tabled.");
  root.querySelector("[data-role=offer-form]").reset();
  ctx.refreshView();
}
