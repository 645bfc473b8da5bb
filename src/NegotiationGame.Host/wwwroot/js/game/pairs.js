// @ts-check
// Two parties at a time, as a debrief looks at a many-party negotiation: the frontier of the pair, which pair to open
// on, and how each of the two moved from offer to offer. Pure, so that Node's test runner checks it.

/** @typedef {Record<string, number>} Utilities party id → points */

/**
 * The best the two parties can do for each other: the points of the projected frontier that no other point beats for
 * both, from the best for `a` down to the best for `b` (a is falling, b rising).
 * @param {Utilities[]} frontier the frontier of all the parties (getDebrief's frontier)
 * @param {string} a
 * @param {string} b
 * @returns {{ a: number, b: number }[]}
 */
export function pairFrontier(frontier, a, b) {
  const points = frontier.map(u => ({ a: u[a] ?? 0, b: u[b] ?? 0 })).sort((p, q) => q.a - p.a || q.b - p.b);
  const envelope = [];
  for (const point of points) {
    if (envelope.length === 0 || point.b > envelope[envelope.length - 1].b) envelope.push(point);
  }
  return envelope;
}

/**
 * Pearson's correlation of two parties' utilities over the frontier: −1 when one's gain is always the other's loss.
 * @param {Utilities[]} frontier
 * @param {string} a
 * @param {string} b
 */
export function correlation(frontier, a, b) {
  const n = frontier.length;
  if (n < 2) return 0;
  const mean = id => frontier.reduce((sum, u) => sum + (u[id] ?? 0), 0) / n;
  const [ma, mb] = [mean(a), mean(b)];
  let cov = 0, va = 0, vb = 0;
  for (const u of frontier) {
    const da = (u[a] ?? 0) - ma, db = (u[b] ?? 0) - mb;
    cov += da * db; va += da * da; vb += db * db;
  }
  return va === 0 || vb === 0 ? 0 : cov / Math.sqrt(va * vb);
}

/**
 * The pair whose interests pull hardest against each other on the frontier (the lowest correlation), where a trade
 * between two parties shows best; in the scenario's order of parties on a tie.
 * @param {Utilities[]} frontier
 * @param {string[]} parties ids in the scenario's order
 * @returns {[string, string]}
 */
export function mostTellingPair(frontier, parties) {
  /** @type {[string, string]} */
  let best = [parties[0], parties[1] ?? parties[0]];
  let lowest = Infinity;
  for (let i = 0; i < parties.length; i++) {
    for (let j = i + 1; j < parties.length; j++) {
      const r = correlation(frontier, parties[i], parties[j]);
      if (r < lowest - 1e-9) { lowest = r; best = [parties[i], parties[j]]; }
    }
  }
  return best;
}

/**
 * The offers each of the two parties tabled, in order, as points of the plane of their two utilities.
 * @param {{ offerId: number, proposer: string, utilities?: Utilities }[]} offers
 * @param {string} a
 * @param {string} b
 */
export function pairDance(offers, a, b) {
  const path = proposer => offers.filter(o => o.proposer === proposer)
    .map(o => ({ offerId: o.offerId, a: o.utilities?.[a] ?? 0, b: o.utilities?.[b] ?? 0 }));
  return { [a]: path(a), [b]: path(b) };
}
