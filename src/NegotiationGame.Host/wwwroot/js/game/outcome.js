// @ts-check
// What would bind if the player accepted an offer or signed an agreement, and what it would be worth to them:
// the rules of docs/rules.md ("Offers and agreements") applied to the board the player's view shows. Pure.

/** @import { OfferPackage, PublicScenario, Settlement } from "../types.js" */

/**
 * The party's own numbers, as getView and getBriefing give them.
 * @typedef {object} PartyProfile
 * @property {Record<string, number>} weights issue id → weight in percent
 * @property {Record<string, Record<string, number>>} values issue id → option id → value 0…100
 * @property {number} reservation
 */

/**
 * What an answer would change.
 * @typedef {object} OutcomePreview
 * @property {boolean} concludes whether the answer makes the offer an agreement (always true for a signature)
 * @property {string[]} waitingFor parties whose acceptance the offer still needs after this one
 * @property {[string, string][]} binds issue and option that would bind at once, in the scenario's order
 * @property {[string, string][]} provisional issue and option agreed but waiting for signatures
 * @property {OfferPackage} bindingBefore
 * @property {OfferPackage} bindingAfter
 * @property {number} scoreBefore the party's score of what binds now
 * @property {number} scoreAfter the party's score of what would bind
 * @property {boolean} changesBinding
 * @property {boolean} belowReservation the answer changes what binds and leaves the party under its reservation
 */

/**
 * The options that bind now.
 * @param {Settlement[]} settlements
 * @returns {OfferPackage}
 */
export const bindingPackage = settlements =>
  Object.fromEntries(settlements.filter(s => s.binding).map(s => [s.issueId, s.optionId]));

/**
 * A package's worth to the party in points; issues it leaves open count at their no-deal option, as the server scores.
 * @param {PartyProfile} profile
 * @param {PublicScenario} scenario
 * @param {OfferPackage} pkg
 * @returns {number}
 */
export const packageScore = (profile, scenario, pkg) => scenario.issues.reduce((sum, issue) => {
  const option = pkg[issue.id] ?? issue.noDeal;
  return sum + (profile.weights[issue.id] ?? 0) * (profile.values[issue.id]?.[option] ?? 0) / 100;
}, 0);

/**
 * Who must sign before an issue settled on an option binds: the issue's signatories and the option's alsoRequires.
 * @param {PublicScenario} scenario
 * @param {string} issueId
 * @param {string} optionId
 * @returns {string[]}
 */
export function requiredSignatories(scenario, issueId, optionId) {
  const issue = scenario.issues.find(i => i.id === issueId);
  if (!issue) return [];
  return [...new Set([...issue.signatories, ...(issue.options.find(o => o.id === optionId)?.alsoRequires ?? [])])];
}

/**
 * What accepting the offer would bring: whether it concludes, what would bind at once and the party's score after.
 * @param {object} input
 * @param {PublicScenario} input.scenario
 * @param {PartyProfile} input.profile
 * @param {Settlement[]} input.settlements the board as it stands
 * @param {string} input.me the accepting party
 * @param {{ proposer: string, addressees: string[], acceptedBy: string[], package: OfferPackage }} input.offer
 * @returns {OutcomePreview}
 */
export function previewAccept({ scenario, profile, settlements, me, offer }) {
  const acceptors = new Set([offer.proposer, ...offer.acceptedBy, me]);
  const governing = new Map(settlements.map(s => [s.issueId, s]));
  const needed = new Set(offer.addressees);
  for (const [issueId, optionId] of Object.entries(offer.package)) {
    const current = governing.get(issueId);
    // Changing what an earlier agreement settled needs everyone who signed it.
    if (current && current.optionId !== optionId) current.signatories.forEach(p => needed.add(p));
  }
  const waitingFor = [...needed].filter(p => !acceptors.has(p));
  const before = bindingPackage(settlements);
  if (waitingFor.length) return preview(profile, scenario, before, before, [], [], false, waitingFor);

  const after = { ...before };
  const binds = [];
  const provisional = [];
  for (const issue of scenario.issues) {
    const optionId = offer.package[issue.id];
    if (!optionId) continue;
    const current = governing.get(issue.id);
    if (current?.binding && current.optionId === optionId) continue; // agreeing again only adds signatures
    const signed = new Set(current?.optionId === optionId ? [...current.signatories, ...acceptors] : acceptors);
    if (requiredSignatories(scenario, issue.id, optionId).every(p => signed.has(p))) {
      after[issue.id] = optionId;
      binds.push([issue.id, optionId]);
    } else {
      // The new agreement governs the issue from now on, so what bound on another option no longer does.
      delete after[issue.id];
      provisional.push([issue.id, optionId]);
    }
  }
  return preview(profile, scenario, before, after, binds, provisional, true, []);
}

/**
 * What signing the agreement would bind: its issues that wait for no one else once the party has signed.
 * @param {object} input
 * @param {PublicScenario} input.scenario
 * @param {PartyProfile} input.profile
 * @param {Settlement[]} input.settlements
 * @param {string} input.me
 * @param {number} input.agreementId
 * @returns {OutcomePreview}
 */
export function previewSign({ scenario, profile, settlements, me, agreementId }) {
  const before = bindingPackage(settlements);
  const after = { ...before };
  const binds = [];
  const provisional = [];
  const ranks = new Map(scenario.issues.map((issue, index) => [issue.id, index]));
  const ofAgreement = settlements.filter(s => s.agreementId === agreementId && !s.binding)
    .sort((a, b) => (ranks.get(a.issueId) ?? 0) - (ranks.get(b.issueId) ?? 0));
  for (const s of ofAgreement) {
    if (s.stillMustSign.every(p => p === me)) {
      after[s.issueId] = s.optionId;
      binds.push([s.issueId, s.optionId]);
    } else {
      provisional.push([s.issueId, s.optionId]);
    }
  }
  return preview(profile, scenario, before, after, binds, provisional, true, []);
}

/**
 * @param {PartyProfile} profile
 * @param {PublicScenario} scenario
 * @param {OfferPackage} before
 * @param {OfferPackage} after
 * @param {[string, string][]} binds
 * @param {[string, string][]} provisional
 * @param {boolean} concludes
 * @param {string[]} waitingFor
 * @returns {OutcomePreview}
 */
function preview(profile, scenario, before, after, binds, provisional, concludes, waitingFor) {
  const scoreBefore = packageScore(profile, scenario, before);
  const scoreAfter = packageScore(profile, scenario, after);
  const changesBinding = JSON.stringify(sorted(before)) !== JSON.stringify(sorted(after));
  return {
    concludes, waitingFor, binds, provisional, bindingBefore: before, bindingAfter: after, scoreBefore, scoreAfter, changesBinding,
    belowReservation: changesBinding && scoreAfter < profile.reservation,
  };
}

/** @type {(pkg: OfferPackage) => [string, string][]} */
const sorted = pkg => Object.entries(pkg).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
