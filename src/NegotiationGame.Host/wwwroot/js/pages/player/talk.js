// @ts-check
// The player's talk form.

import { field, h } from "../../ui/dom.js";
import { playerCommand } from "./command.js";

/** A public statement, or a private message when other parties are ticked: the server decides who may read it. */
export function buildTalk(ctx, others) {
  const form = ctx.root.querySelector("[data-role=talk-form]");
  field(ctx.root, "talk-channel").replaceChildren(...others.map(p => h("label", { class: "check party-chip", party: p.id },
    h("input", { type: "checkbox", name: "channel", value: p.id, testid: `talk-with-${p.id}` }), p.name)));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const text = form.querySelector("textarea").value.trim();
    if (!text) return;
    const channel = [...form.querySelectorAll("input[name=channel]:checked")].map(input => input.value);
    const command = channel.length ? { type: "message", channel, text } : { type: "statement", text };
    if (await playerCommand(ctx, command, channel.length ? "Message sent." : "Statement made.")) form.reset();
  });
}
