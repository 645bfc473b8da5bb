// @ts-check
// The instructor key on another device: the class page shows a recovery link (and its QR) on demand, and a browser
// that opens it keeps the key and forgets the link.

import { recoveryLink } from "../../links.js";
import { store } from "../../store.js";
import { copyText, h } from "../../ui/dom.js";
import { showQr } from "../../ui/qr.js";

/** @import { InstructorClass } from "../../types.js" */

/**
 * Stores the class a recovery link (or the older instructor link, JSON in "link") carries, and takes the link out of
 * the address bar and the tab's history, so that the key is not left for the next person at this screen.
 * @param {URLSearchParams} params
 */
export function takeRecoveryLink(params) {
  const classId = params.get("class");
  const key = params.get("key");
  const link = params.get("link");
  if (!(classId && key) && !link) return;
  if (classId && key) {
    const held = store.get("instructor");
    // The same class keeps what only its creating browser knew (spectator tokens); another class replaces it.
    const base = held?.classId === classId ? held : {};
    store.set("instructor", { ...base, classId, instructorToken: key, lobbyCode: params.get("lobby") ?? base.lobbyCode });
  } else {
    try {
      const handed = JSON.parse(link);
      if (typeof handed?.instructorToken === "string" && typeof handed?.classId === "string") store.set("instructor", handed);
    } catch { /* a damaged link: show what this browser already holds */ }
  }
  history.replaceState(null, "", "#/instructor");
}

/**
 * The class page's recovery link: hidden until asked for, since the page is often on a projector.
 * @param {InstructorClass} saved read when shown, so that a reissued key is the one handed on
 */
export function buildRecoveryPanel(saved) {
  const linkNode = h("a", { class: "recovery-link", testid: "recovery-link" });
  const shown = h("div", { class: "recovery-shown", hidden: true },
    h("p", { class: "linkline" }, linkNode),
    h("div", { class: "row wrap" },
      h("button", { type: "button", class: "small", text: "Copy", onclick: () => copyText(currentLink()) }),
      h("button", { type: "button", class: "small", text: "QR code", testid: "recovery-qr",
        onclick: () => showQr(currentLink(), "Scan with the device that should run this class. Anyone who scans it controls the class.") })));
  const show = h("button", { type: "button", class: "small", text: "Show the link", testid: "show-recovery-link", onclick: () => {
    const url = currentLink();
    Object.assign(linkNode, { href: url, textContent: url });
    shown.hidden = false;
  } });
  const currentLink = () => recoveryLink(saved.classId, saved.instructorToken, saved.lobbyCode);
  return h("details", { class: "recovery", testid: "recovery" },
    h("summary", { text: "Run this class from another device" }),
    h("p", { class: "muted small", text: "This link carries the instructor key: whoever opens it controls the class. Keep it off the projector. " +
      "\"New instructor link\" makes every earlier link useless." }),
    show, shown);
}
