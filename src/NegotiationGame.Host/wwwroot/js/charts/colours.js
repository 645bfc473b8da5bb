// @ts-check
// One colour per party, the same on every chart.

const PARTY_COLOURS = { us: "#2563eb", russia: "#dc2626", ukraine: "#ca8a04", eu: "#4f46e5" };
const FALLBACK_COLOURS = ["#0891b2", "#16a34a", "#9333ea", "#db2777", "#ea580c", "#0d9488", "#64748b"];

export function partyColours(parties) {
  let spare = 0;
  return new Map(parties.map(p => [p.id, PARTY_COLOURS[p.id] ?? FALLBACK_COLOURS[spare++ % FALLBACK_COLOURS.length]]));
}
