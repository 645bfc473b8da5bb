// @ts-check
// The player's conversations as threads: the public one, and one per private call (each distinct set of parties of
// a channel). A pure fold of the talk events of the log (StatementMade, MessageSent, ChannelActive), with unread counts.

/** @import { GameEvent } from "../types.js" */

export const PUBLIC_THREAD = "public";

/**
 * One line of a thread. A call the player is not on arrives as ChannelActive: a message whose words are hidden until
 * the reveal after the end replaces it with the MessageSent of the same sequence.
 * @typedef {object} TalkMessage
 * @property {number} sequence
 * @property {string} at ISO time
 * @property {string | null} from the speaker; null while hidden (ChannelActive does not say who spoke)
 * @property {string | null} text null while hidden
 * @property {boolean} hidden
 * @property {boolean} read
 */

/**
 * @typedef {object} TalkThread
 * @property {string} key PUBLIC_THREAD, or the channel's party ids sorted and joined by "+"
 * @property {string[]} parties every party of the call, the player included when on it; [] for the public thread
 * @property {boolean} isPrivate
 * @property {boolean} isMember whether the player may write in it
 * @property {TalkMessage[]} messages in the log's order
 */

/** @type {(channel: string[]) => string} */
export const channelKey = channel => [...new Set(channel)].sort().join("+");

/**
 * The thread a message to these recipients goes to: none means a public statement.
 * @param {string} self
 * @param {Iterable<string>} recipients the other parties ticked
 */
export function threadKeyFor(self, recipients) {
  const others = [...recipients].filter(p => p !== self);
  return others.length ? channelKey([self, ...others]) : PUBLIC_THREAD;
}

/**
 * The parties to tick to write in a thread.
 * @param {TalkThread} thread
 * @param {string} self
 */
export const recipientsOf = (thread, self) => thread.parties.filter(p => p !== self);

export class TalkThreads {
  /** @param {string} self the player's party */
  constructor(self) {
    this.self = self;
    /** @type {Map<string, TalkThread>} in the order they first appeared, the public one first */
    this.threads = new Map([[PUBLIC_THREAD, { key: PUBLIC_THREAD, parties: [], isPrivate: false, isMember: true, messages: [] }]]);
  }

  /**
   * Folds one event in; returns the key of the thread it changed, or null for an event that is not talk.
   * @param {GameEvent} e
   * @returns {string | null}
   */
  add(e) {
    const d = e.data ?? {};
    switch (e.type) {
      case "StatementMade": return this.put(PUBLIC_THREAD, [], message(e, d.party, d.text));
      case "MessageSent": return this.put(channelKey(d.channel ?? []), d.channel ?? [], message(e, d.party, d.text));
      case "ChannelActive": return this.put(channelKey(d.channel ?? []), d.channel ?? [], { ...message(e, null, null), hidden: true });
      default: return null;
    }
  }

  /**
   * The messages the server returns in full after the end: each takes the place of its hidden line.
   * @param {GameEvent[]} events
   * @returns {number} how many hidden lines were revealed
   */
  reveal(events) {
    let revealed = 0;
    for (const e of events) {
      if (e.type !== "MessageSent") continue;
      const thread = this.threads.get(channelKey(e.data?.channel ?? []));
      if (thread?.messages.some(m => m.sequence === e.sequence && m.hidden)) revealed++;
      this.add(e);
    }
    return revealed;
  }

  /** @returns {boolean} whether a hidden line is still waiting for the reveal */
  hasHidden() {
    return [...this.threads.values()].some(thread => thread.messages.some(m => m.hidden));
  }

  /** @param {string} key */
  get(key) {
    return this.threads.get(key);
  }

  /**
   * The thread of a call not yet spoken on (recipients just ticked): it exists as soon as it is chosen.
   * @param {string} key
   * @returns {TalkThread}
   */
  open(key) {
    if (!this.threads.has(key)) {
      const parties = key.split("+");
      this.threads.set(key, { key, parties, isPrivate: true, isMember: parties.includes(this.self), messages: [] });
    }
    return this.threads.get(key);
  }

  /** @returns {TalkThread[]} the public thread, then the player's calls, then the calls of others */
  list() {
    const all = [...this.threads.values()];
    return [...all.filter(t => t.isMember), ...all.filter(t => !t.isMember)];
  }

  /** @param {string} key */
  unread(key) {
    return (this.threads.get(key)?.messages ?? []).filter(m => !m.read && !m.hidden && m.from !== this.self).length;
  }

  totalUnread() {
    return [...this.threads.keys()].reduce((sum, key) => sum + this.unread(key), 0);
  }

  /**
   * @param {string} key
   * @returns {boolean} whether anything changed
   */
  markRead(key) {
    let changed = false;
    for (const m of this.threads.get(key)?.messages ?? []) {
      if (!m.read && !m.hidden) { m.read = true; changed = true; }
    }
    return changed;
  }

  /**
   * @param {string} key
   * @param {string[]} channel
   * @param {TalkMessage} line
   */
  put(key, channel, line) {
    const thread = key === PUBLIC_THREAD ? this.threads.get(key) : this.open(channelKey(channel));
    const known = thread.messages.findIndex(m => m.sequence === line.sequence);
    if (known >= 0) {
      // A repeat of a line already read stays read; only a hidden line is replaced (the reveal).
      if (!thread.messages[known].hidden || line.hidden) return null;
      thread.messages[known] = line;
    } else {
      const at = thread.messages.findIndex(m => m.sequence > line.sequence);
      thread.messages.splice(at < 0 ? thread.messages.length : at, 0, line);
    }
    return thread.key;
  }
}

/**
 * @param {GameEvent} e
 * @param {string | null} from
 * @param {string | null} text
 * @returns {TalkMessage}
 */
const message = (e, from, text) => ({ sequence: e.sequence, at: e.at, from, text, hidden: false, read: false });
