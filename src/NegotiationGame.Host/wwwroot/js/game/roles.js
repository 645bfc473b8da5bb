// @ts-check
// One role across the games of a class: same brief, different outcomes, and what each player gave up from their
// opening ask. Pure, so that Node's test runner checks it.

/**
 * @typedef {object} RoleInGame
 * @property {string} gameId
 * @property {number | null} score the final score (what binds, while the game runs)
 * @property {number | null} reservation
 * @property {number | null} margin score − reservation
 * @property {number | null} opening the party's utility of its own first offer, null if it tabled none
 * @property {number | null} conceded opening − score: how far it came down from its first ask
 * @property {string[]} gaveGround issues of its first offer that ended on another option, or on none
 */

const number = value => (typeof value === "number" ? value : null);

/**
 * @param {string} partyId
 * @param {{ gameId: string, debrief: Record<string, any> }[]} games games whose debrief answered
 * @returns {RoleInGame[]}
 */
export function roleAcrossGames(partyId, games) {
  return games.map(({ gameId, debrief }) => {
    const score = number(debrief.outcome?.scores?.[partyId]);
    const reservation = number(debrief.reservations?.[partyId]);
    const first = (debrief.offers ?? []).find(o => o.proposer === partyId);
    const opening = number(first?.utilities?.[partyId]);
    const binding = debrief.outcome?.binding ?? {};
    return {
      gameId, score, reservation,
      margin: score != null && reservation != null ? score - reservation : null,
      opening,
      conceded: opening != null && score != null ? opening - score : null,
      gaveGround: Object.entries(first?.package ?? {}).filter(([issue, option]) => binding[issue] !== option).map(([issue]) => issue),
    };
  });
}

/**
 * The welfare of no deal: with nothing binding every party scores its reservation value (the war goes on), so this is
 * the floor a game's welfare is read against.
 * @param {Record<string, any> | undefined} debrief
 */
export const noDealWelfare = debrief => {
  const values = Object.values(debrief?.reservations ?? {});
  return values.length ? values.reduce((sum, u) => sum + u, 0) : null;
};
