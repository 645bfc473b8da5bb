// Names of parties, issues and options: the scenario's when the page has it, readable ids until then.

import { prettify, prettyParty } from "../ui/format.js";

export const plainNames = { party: prettyParty, issue: prettify, option: (_issue, option) => prettify(option) };

export function scenarioNames(scenario) {
  const parties = new Map(scenario.parties.map(p => [p.id, p.name]));
  const issues = new Map(scenario.issues.map(i => [i.id, i]));
  return {
    party: id => parties.get(id) ?? prettyParty(id),
    issue: id => issues.get(id)?.name ?? prettify(id),
    option: (issueId, optionId) => issues.get(issueId)?.options.find(o => o.id === optionId)?.label ?? prettify(optionId),
  };
}

const describeTerms = (pkg, names) =>
  Object.entries(pkg ?? {}).map(([issue, option]) => `${names.issue(issue)} → ${names.option(issue, option)}`);

export const describePackage = (pkg, names) => describeTerms(pkg, names).join("; ") || "nothing";
