// @ts-check
// The per-game event stream. It takes its hub call from outside, so that it runs under Node's test runner too.

import { FATAL_CODES, RETRY_MS } from "./replies.js";

/** @import { GameEvent, HubCall, RawGameEvent, StreamHandlers, WatchEnded } from "../types.js" */

/** @type {(e: RawGameEvent) => GameEvent} */
export const withData = e => ({ ...e, data: typeof e.data === "string" ? JSON.parse(e.data || "{}") : (e.data ?? {}) });

// Follows protocol.md "Reconnecting": keep the last applied sequence, ignore repeats,
// and call watch again (afterSequence = last) while a reply says more, on a gap, or after a reconnect.
export class GameStream {
  /**
   * @param {string} gameId
   * @param {string} token
   * @param {StreamHandlers} handlers
   * @param {HubCall} call answers like the hub and never throws (net/connection.js's call)
   * @param {number} [retryMs] pause before watching again after a failed watch
   */
  constructor(gameId, token, { onEvent, onSummary, onError, onEnded }, call, retryMs = RETRY_MS) {
    this.gameId = gameId;
    this.token = token;
    this.onEvent = onEvent;
    this.onSummary = onSummary;
    this.onError = onError;
    this.onEnded = onEnded;
    this.call = call;
    this.retryMs = retryMs;
    this.last = 0;
    this.summarySequence = 0;
    this.syncing = false;
    this.again = false;
    /** @type {RawGameEvent[]} pushed while a watch was under way */
    this.buffer = [];
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.retryTimer = undefined;
    this.stopped = false;
  }

  async sync() {
    if (this.stopped) return;
    if (this.syncing) { this.again = true; return; }
    this.syncing = true;
    clearTimeout(this.retryTimer);
    try {
      do {
        this.again = false;
        // The events of one change come as one gameEvents message (protocol.md "Batches").
        const result = await this.call("watch", { token: this.token, gameId: this.gameId, afterSequence: this.last, batch: true });
        if (this.stopped) return;
        if (!result.ok) {
          this.onError?.(result.error);
          if (!FATAL_CODES.includes(result.error?.code)) this.retryTimer = setTimeout(() => this.sync(), this.retryMs);
          return;
        }
        this.summarySequence = result.summary?.lastSequence ?? 0;
        this.onSummary?.(result.summary, result.scenario, result.spectatorDelaySeconds);
        for (const e of result.events ?? []) this.apply(e);
        // A reply holds one page; keep pushed events back until the last page is in.
        if (result.more) { this.again = true; continue; }
        const pushed = this.buffer.sort((a, b) => a.sequence - b.sequence);
        this.buffer = [];
        for (const e of pushed) this.accept(e);
      } while (this.again && !this.stopped);
    } finally {
      this.syncing = false;
    }
  }

  /** @param {RawGameEvent} e */
  receive(e) {
    if (this.stopped) return;
    if (this.syncing) this.buffer.push(e);
    else this.accept(e);
  }

  /** @param {RawGameEvent} e */
  accept(e) {
    if (e.sequence <= this.last) return;
    if (e.sequence > this.last + 1) { this.sync(); return; }
    this.apply(e);
  }

  /** @param {RawGameEvent} e */
  apply(e) {
    if (e.sequence <= this.last) return;
    this.last = e.sequence;
    // Events already folded into the summary must not move the clock a second time.
    this.onEvent(withData(e), e.sequence > this.summarySequence);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  /**
   * The server ended this watch (the token's seat changed): nothing more comes, and watching again with the same
   * token would be refused, so the stream stops for good and says why, once.
   * @param {WatchEnded} message
   */
  end(message) {
    if (this.stopped) return;
    this.stop();
    this.onEnded?.(message);
  }
}
