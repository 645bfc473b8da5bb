// @ts-check
// The player's Talk section: the threads (public, and one per call), the chosen thread's messages, and the form.
// The recipients stay ticked until the player changes them, so a conversation does not drift back to public.

import { refusalReason } from "../../game/refusals.js";
import { PUBLIC_THREAD, recipientsOf, TalkThreads, threadKeyFor } from "../../game/talk-threads.js";
import { call } from "../../net/connection.js";
import { readRevealedMessages } from "../../net/reveal.js";
import { field, h, replaceIfChanged } from "../../ui/dom.js";
import { listJoin } from "../../ui/format.js";
import { playerCommand } from "./command.js";
import { messageItem, threadButton, threadNote, threadTitle } from "./talk-view.js";

/** @import { TalkMessage, TalkThread } from "../../game/talk-threads.js" */
/** @import { GameEvent, ScenarioParty } from "../../types.js" */
/** @import { PlayerContext } from "./page.js" */

// A long game keeps every line in the model; the screen shows the latest ones of a thread.
const SHOWN_MESSAGES = 200;

/** @type {WeakMap<PlayerContext, TalkPanel>} */
const panels = new WeakMap();

/**
 * Builds the Talk section inside the template's mount point (data-field="talk").
 * @param {PlayerContext} ctx
 * @param {ScenarioParty[]} others the other parties, in the scenario's order
 */
export function buildTalk(ctx, others) {
  panels.set(ctx, new TalkPanel(ctx, others));
}

/**
 * Every event of the player's stream, in order; the panel keeps what is talk, and reads the reveal at the end.
 * @param {PlayerContext} ctx
 * @param {GameEvent} e
 */
export function talkEvent(ctx, e) {
  panels.get(ctx)?.receive(e);
}

/**
 * The clock moved (a pause, a resume, the negotiation's start): Send follows what the server would take.
 * @param {PlayerContext} ctx
 */
export function talkClockChanged(ctx) {
  panels.get(ctx)?.render();
}

class TalkPanel {
  /**
   * @param {PlayerContext} ctx
   * @param {ScenarioParty[]} others
   */
  constructor(ctx, others) {
    this.ctx = ctx;
    this.self = ctx.seat.partyId;
    this.model = new TalkThreads(this.self);
    this.selected = PUBLIC_THREAD;
    /** @type {Set<string>} */
    this.gone = new Set();
    this.closed = false;
    this.visible = false;
    this.revealing = false;

    const mount = field(ctx.root, "talk");
    this.mount = mount;
    this.total = h("span", { class: "talk-total", testid: "talk-unread" });
    mount.querySelector("h2")?.append(this.total);
    this.threadList = h("ul", { class: "talk-threads plain-list", "aria-label": "Conversations" });
    this.title = h("h3", { class: "talk-title", testid: "talk-thread-title" });
    this.note = h("p", { class: "muted talk-note" });
    this.messages = h("ol", { class: "talk-messages plain-list", testid: "talk-messages", tabindex: 0, "aria-label": "Messages of the chosen conversation" });
    this.status = h("p", { class: "muted", role: "status", testid: "talk-status" });
    this.thread = h("div", { class: "talk-view" }, this.title, this.note, this.messages);

    this.text = h("textarea", { id: "talk-text", rows: 3, maxLength: 2000, required: true, testid: "talk-text" });
    this.chips = others.map(p => h("label", { class: "check party-chip", party: p.id },
      h("input", { type: "checkbox", name: "channel", value: p.id, testid: `talk-with-${p.id}`, onchange: () => this.recipientsChanged() }),
      h("span", { text: p.name })));
    this.to = h("p", { class: "talk-to", testid: "talk-to" });
    this.send = h("button", { type: "submit", class: "primary", testid: "talk-send", text: "Send" });
    this.fields = h("fieldset", { class: "stack plain-fieldset" },
      h("label", { for: "talk-text", text: "Message" }), this.text,
      h("fieldset", {}, h("legend", { text: "Private call with (none ticked: a public statement everyone reads)" }), h("div", { class: "chips" }, this.chips)),
      this.to, this.send);
    this.form = h("form", { class: "talk-form", "data-role": "talk-form", onsubmit: event => { event.preventDefault(); this.submit(); } }, this.fields);

    mount.append(h("div", { class: "talk-layout" }, h("nav", { "aria-label": "Conversations" }, this.threadList), h("div", { class: "talk-main" }, this.thread, this.form, this.status)));
    // The section may sit behind a tab on a phone: what is on screen counts as read, not what merely arrived.
    if (typeof IntersectionObserver === "function") {
      new IntersectionObserver(entries => {
        this.visible = entries.some(entry => entry.isIntersecting);
        if (this.visible) this.render();
      }).observe(this.messages);
    }
    this.render();
  }

  /** @param {GameEvent} e */
  receive(e) {
    if (e.type === "PartyWalkedAway") {
      this.gone.add(e.data.party);
      if (e.data.party === this.self) this.closed = true;
      else this.dropRecipient(e.data.party);
    } else if (e.type === "GameEnded") {
      this.closed = true;
      if (this.model.hasHidden()) this.readReveal();
    } else if (this.model.add(e) === null) {
      return;
    }
    this.render();
  }

  /** The calls of others, in full now that the game has ended (unless the instructor keeps them private). */
  async readReveal() {
    if (this.revealing) return;
    this.revealing = true;
    const messages = await readRevealedMessages(call, this.ctx.seat.token, this.ctx.seat.gameId);
    this.revealing = false;
    if (!document.contains(this.mount)) return;
    if (messages === null) {
      this.status.textContent = "The other calls could not be read; reload the page to see them if they were revealed.";
      return;
    }
    const revealed = this.model.reveal(messages);
    this.status.textContent = revealed > 0
      ? `The game is over: ${revealed === 1 ? "one message" : `${revealed} messages`} of the other calls ${revealed === 1 ? "is" : "are"} now shown.`
      : "The game is over; the instructor keeps the other calls private.";
    this.render();
  }

  /** @param {string} key */
  select(key) {
    this.selected = key;
    const thread = this.model.get(key);
    if (thread?.isMember) {
      const recipients = new Set(recipientsOf(thread, this.self));
      for (const chip of this.chips) chip.querySelector("input").checked = recipients.has(chip.querySelector("input").value);
    }
    this.render();
  }

  /** @param {string} key */
  reply(key) {
    this.model.open(key);
    this.select(key);
    this.text.focus();
  }

  recipientsChanged() {
    this.selected = this.model.open(threadKeyFor(this.self, this.recipients())).key;
    this.render();
  }

  /**
   * A party that walked away can no longer be written to: untick it, so that the form names a thread it can use.
   * @param {string} party
   */
  dropRecipient(party) {
    const input = this.chips.map(chip => chip.querySelector("input")).find(i => i.value === party && i.checked);
    if (!input) return;
    input.checked = false;
    this.recipientsChanged();
  }

  recipients() {
    return this.chips.map(chip => chip.querySelector("input")).filter(input => input.checked).map(input => input.value);
  }

  async submit() {
    const text = this.text.value.trim();
    if (!text) return;
    const channel = this.recipients();
    const command = channel.length ? { type: "message", channel, text } : { type: "statement", text };
    this.send.disabled = true;
    const sent = await playerCommand(this.ctx, command, channel.length ? "Message sent." : "Statement made.");
    this.send.disabled = this.refusal() !== null;
    // Only the words go: the recipients stay for the next message of the same conversation.
    if (sent) this.text.value = "";
  }

  render() {
    const { model, self } = this;
    const names = this.ctx.names;
    if (this.visible) model.markRead(this.selected);
    const thread = model.get(this.selected) ?? model.get(PUBLIC_THREAD);

    // The list is rebuilt only when what it shows changed: a button replaced between a press and its release loses
    // the click, and events keep arriving while a student reaches for a thread.
    const threads = model.list();
    const shown = threads.map(t => [t.key, threadTitle(t, self, names), t.isPrivate, t.messages.filter(m => m.hidden).length, model.unread(t.key), t.key === thread.key]);
    replaceIfChanged(this.threadList, shown, () => threads.map(t => threadButton(t, {
      self, names, unread: model.unread(t.key), selected: t.key === thread.key, onSelect: () => this.select(t.key),
    })));
    this.thread.classList.toggle("private", thread.isPrivate);
    this.title.textContent = threadTitle(thread, self, names);
    this.note.textContent = threadNote(thread, self, names);
    const latest = thread.messages.slice(-SHOWN_MESSAGES);
    this.messages.replaceChildren(...(latest.length ? latest.map(m => messageItem(m, {
      self, names, ...this.replyTo(thread, m),
    })) : [h("li", { class: "muted", text: thread.isPrivate ? "Nothing said on this call yet." : "No public statement yet." })]));

    const unread = model.totalUnread();
    this.total.textContent = unread ? ` · ${unread} unread` : "";
    this.mount.dataset.unread = String(unread);
    this.mount.dispatchEvent(new CustomEvent("talk-unread", { bubbles: true, detail: { unread } }));

    this.form.hidden = !thread.isMember;
    this.fields.disabled = this.closed;
    for (const chip of this.chips) {
      const input = chip.querySelector("input");
      input.disabled = this.gone.has(input.value);
    }
    // While the game is paused or not yet negotiating, the words can be written but not sent: the server would refuse them.
    const refused = this.refusal();
    this.send.disabled = refused !== null;
    this.send.title = refused ?? "";
    const recipients = this.recipients();
    this.to.textContent = this.closed
      ? "Talk is closed: the game is over for you."
      : refused ?? (recipients.length ? `Sends privately to ${listJoin(recipients.map(names.party))}.` : "Sends a public statement everyone reads.");
    this.to.classList.toggle("private", recipients.length > 0);
    this.form.classList.toggle("private", recipients.length > 0);
  }

  /** Why the server would refuse a message now, or null. */
  refusal() {
    return this.ctx.clock ? refusalReason(this.ctx.clock, false) : null;
  }

  /**
   * In a call: reply in it. In public: reply to the speaker privately, in the call with them.
   * @param {TalkThread} thread
   * @param {TalkMessage} message
   */
  replyTo(thread, message) {
    if (this.closed || message.hidden || message.from === this.self || !thread.isMember) return { onReply: null, replyLabel: "" };
    if (thread.isPrivate) return { onReply: () => this.reply(thread.key), replyLabel: "Reply" };
    const key = threadKeyFor(this.self, [message.from]);
    return { onReply: () => this.reply(key), replyLabel: "Reply privately" };
  }
}
