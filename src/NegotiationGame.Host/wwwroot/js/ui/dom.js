// @ts-check
// Small DOM helpers. Data always goes in as text (textContent, attributes), never as HTML.

import { paintParty } from "../game/party-colours.js";

/**
 * An element with properties, attributes, listeners ("onclick") and children; "text" sets its text, "testid" its
 * data-testid, "party" its party's colour (game/party-colours.js).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props]
 * @param {...any} children nodes or strings (as text); null and false are left out, arrays flattened
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.className = value;
    else if (key === "testid") node.dataset.testid = value;
    else if (key === "party") paintParty(node, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key in node && !key.includes("-")) node[key] = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) node.append(child);
  }
  return node;
}

/**
 * A form of a page, whose named controls (inputs, selects, textareas alike) are reached as form.elements.name.
 * @typedef {HTMLFormElement & { elements: HTMLFormControlsCollection & Record<string, any> }} PageForm
 */

/** @type {(root: ParentNode, selector: string) => PageForm} */
export const formIn = (root, selector) => /** @type {PageForm} */ (root.querySelector(selector));

/** @type {(root: ParentNode, selector: string) => HTMLButtonElement} */
export const buttonIn = (root, selector) => /** @type {HTMLButtonElement} */ (root.querySelector(selector));

/**
 * A fresh copy of the first element of a <template> of index.html.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function fromTemplate(id) {
  const template = /** @type {HTMLTemplateElement} */ (document.getElementById(id));
  return /** @type {HTMLElement} */ (template.content.firstElementChild.cloneNode(true));
}

/** @type {(root: ParentNode, name: string) => any} the element marked data-field="name"; its kind depends on the template */
export const field = (root, name) => root.querySelector(`[data-field="${name}"]`);

// Redraws only when the data changed, so a periodic refresh does not drop the user's text selection.
export function replaceIfChanged(node, data, build) {
  const key = JSON.stringify(data);
  if (node.dataset.key === key) return;
  node.dataset.key = key;
  node.replaceChildren(...build());
}

export function showError(node, message) {
  node.textContent = message ?? "";
  node.hidden = !message;
}

let toastTimer = 0;
export function toast(message, kind = "info") {
  const node = document.getElementById("toast");
  node.textContent = message;
  node.dataset.kind = kind;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { node.hidden = true; }, 5000);
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = h("textarea", { value: text, readonly: true, class: "offscreen" });
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  toast("Copied to the clipboard.");
}
