// @ts-check
// One colour per party, the same on every page and chart: the scenario's own where it gives one, else a palette
// colour by the party's place in the scenario, so that the parties of any scenario read apart.

/** @import { ScenarioParty } from "../types.js" */

// Distinct at a glance, and each dark enough for a thin border or a chart line on white.
const PALETTE = ["#1d4ed8", "#c62828", "#ca8a04", "#4338ca", "#0891b2", "#16a34a", "#9333ea", "#db2777", "#ea580c", "#0d9488", "#64748b"];

// A scenario can be an instructor's upload: only a plain hex colour goes into a style.
const isHexColour = value => typeof value === "string" && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value);

/**
 * @param {ScenarioParty[]} parties in the scenario's order
 * @returns {Map<string, string>} party id → CSS colour
 */
export function partyColours(parties) {
  return new Map(parties.map((p, index) => [p.id, isHexColour(p.colour) ? p.colour : PALETTE[index % PALETTE.length]]));
}

/** @type {Map<string, string>} the colours of the scenario the current page shows */
let pageColours = new Map();

/** @param {ScenarioParty[]} parties the parties of the page's scenario; none before the page knows it */
export function usePartyColours(parties) {
  pageColours = partyColours(parties);
}

/**
 * Gives the node its party's colour as the CSS custom property --party (styles.css draws accents with it).
 * Set through the CSSOM, which the Content-Security-Policy allows, unlike a style attribute.
 * @param {HTMLElement} node
 * @param {string} partyId
 */
export function paintParty(node, partyId) {
  const colour = pageColours.get(partyId);
  if (colour) node.style.setProperty("--party", colour);
  else node.style.removeProperty("--party");
}
