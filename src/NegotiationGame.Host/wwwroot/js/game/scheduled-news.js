// @ts-check
// The news an instructor has prepared for later rounds, as a game's log tells it (docs/protocol.md "Scheduled news"):
// what still waits, and for which rounds news can still be scheduled. Pure, so that Node's test runner checks it.

/** @import { GameEvent } from "../types.js" */

/** @typedef {{ round: number, headline: string, body: string }} WaitingNews */
/** @typedef {WaitingNews & { games?: number, of?: number }} WaitingLine for the class: in how many of its games it waits */

/**
 * The news that waits after one more event of the log: a round that begins takes its news out with it.
 * @param {WaitingNews[]} waiting what waited before the event
 * @param {GameEvent} e
 * @returns {WaitingNews[]} a new list when the event changed it, else the same one
 */
export function foldWaitingNews(waiting, e) {
  const d = e.data;
  switch (e.type) {
    case "NewsScheduled": return [...waiting, { round: d.round, headline: d.headline, body: d.body ?? "" }];
    case "ScheduledNewsCancelled": return waiting.filter(news => !(news.round === d.round && news.headline === d.headline));
    case "NegotiationStarted": return waiting.filter(news => news.round > 1);
    case "RoundAdvanced": return waiting.filter(news => news.round > d.round);
    default: return waiting;
  }
}

/**
 * In round order, and in the order scheduled within a round, which is the order they will come out.
 * @param {WaitingNews[]} waiting
 */
export const inRoundOrder = waiting => waiting.map((news, index) => ({ news, index }))
  .sort((a, b) => a.news.round - b.news.round || a.index - b.index).map(entry => entry.news);

/**
 * The rounds whose start can still bring news: the rounds after the one under way (every round before the
 * negotiation), none once the game has ended.
 * @param {{ phase: string, round: number }} clock
 * @param {number | undefined} rounds the scenario's number of rounds
 * @returns {number[]}
 */
export function schedulableRounds(clock, rounds) {
  if (!rounds || clock.phase === "Ended") return [];
  const first = clock.phase === "Negotiation" ? clock.round + 1 : 1;
  return Array.from({ length: Math.max(0, rounds - first + 1) }, (_, i) => first + i);
}

/**
 * Each headline that waits somewhere, once, with the number of games it waits in: what the class-wide schedule
 * left, and what was scheduled or taken back game by game.
 * @param {WaitingNews[][]} waitingPerGame
 * @returns {WaitingLine[]}
 */
export function waitingAcross(waitingPerGame) {
  /** @type {Map<string, WaitingLine>} */
  const lines = new Map();
  for (const waiting of waitingPerGame) {
    for (const news of waiting) {
      const key = JSON.stringify([news.round, news.headline]);
      const line = lines.get(key) ?? { ...news, games: 0, of: waitingPerGame.length };
      line.games = (line.games ?? 0) + 1;
      lines.set(key, line);
    }
  }
  return [...lines.values()].sort((a, b) => a.round - b.round);
}
