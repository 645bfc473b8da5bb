// @ts-check
// Names of parties, issues and options: the scenario's when the page has it, readable ids until then.

import { prettify, prettyParty } from "../ui/format.js";

/** @import { Names, OfferPackage, PublicScenario } from "../types.js" */

/** @type {Names} */
export const plainNames = { party: prettyParty, issue: prettify, option: (_issue, option) => prettify(option), issueRank: () => 0 };

/**
 * @param {PublicScenario} scenario
 * @returns {Names}
 */
export function scenarioNames(scenario) {
  const parties = new Map(scenario.parties.map(p => [p.id, p.name]));
  const issues = new Map(scenario.issues.map(i => [i.id, i]));
  const ranks = new Map(scenario.issues.map((issue, index) => [issue.id, index]));
  return {
    party: id => parties.get(id) ?? prettyParty(id),
    issue: id => issues.get(id)?.name ?? prettify(id),
    option: (issueId, optionId) => issues.get(issueId)?.options.find(o => o.id === optionId)?.label ?? prettify(optionId),
    issueRank: id => ranks.get(id) ?? scenario.issues.length,
  };
}

/**
 * A package's terms in the scenario's order of issues, whatever order its keys came in.
 * @type {(pkg: OfferPackage | undefined, names: Names) => [string, string][]}
 */
export const termsInOrder = (pkg, names) =>
  Object.entries(pkg ?? {}).sort(([a], [b]) => names.issueRank(a) - names.issueRank(b));

/** @type {(pkg: OfferPackage | undefined, names: Names) => string[]} */
export const describeTerms = (pkg, names) =>
  termsInOrder(pkg, names).map(([issue, option]) => `${names.issue(issue)} → ${names.option(issue, option)}`);

/** @type {(pkg: OfferPackage | undefined, names: Names) => string} */
export const describePackage = (pkg, names) => describeTerms(pkg, names).join("; ") || "nothing";
