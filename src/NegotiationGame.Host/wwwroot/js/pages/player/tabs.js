// @ts-check
// The console's sections as tabs on a narrow screen (one section at a time, the tab bar within a thumb's reach) and
// side by side on a wide one. The tab chosen is kept by the store, so a reload opens the same section.

import { onCleanup } from "../../router.js";
import { store } from "../../store.js";
import { field, h } from "../../ui/dom.js";

/** The width from which every section shows at once; console.css uses the same. */
const WIDE = "(min-width: 960px)";
const CHOSEN_KEY = "playerTab";

/**
 * @typedef {object} ConsoleTabs
 * @property {(tab: string) => void} show shows a section (on a narrow screen); remembers nothing
 * @property {(tab: string) => void} suggest shows a section unless the player has chosen one
 */

/**
 * @param {HTMLElement} root the console (tpl-play)
 * @param {string} initial the section to show until the player chooses one
 * @returns {ConsoleTabs}
 */
export function buildTabs(root, initial) {
  const panels = /** @type {HTMLElement[]} */ ([...root.querySelectorAll("[data-tab]")]);
  const names = panels.map(panel => panel.dataset.tab ?? "");
  const chosen = store.get(CHOSEN_KEY);
  let current = names.includes(chosen) ? chosen : initial;

  const tabs = panels.map(panel => h("button", {
    type: "button", role: "tab", id: `tab-${panel.dataset.tab}`, class: "console-tab", testid: `tab-${panel.dataset.tab}`,
    "aria-controls": panel.id, text: panel.dataset.tabLabel,
    onclick: () => { store.set(CHOSEN_KEY, panel.dataset.tab); show(panel.dataset.tab ?? ""); },
  }));
  const bar = field(root, "tabs");
  bar.setAttribute("role", "tablist");
  bar.setAttribute("aria-label", "Sections of the console");
  bar.replaceChildren(...tabs);
  bar.addEventListener("keydown", event => moveFocus(event, tabs));

  const wide = window.matchMedia(WIDE);
  function show(tab) {
    current = tab;
    const all = wide.matches;
    bar.hidden = all;
    panels.forEach((panel, index) => {
      const selected = names[index] === tab;
      tabs[index].setAttribute("aria-selected", String(selected));
      tabs[index].tabIndex = selected ? 0 : -1;
      panel.hidden = !all && !selected;
      // Side by side each section is a labelled region; as tabs each is the panel of its tab.
      if (all) { panel.setAttribute("role", "region"); panel.removeAttribute("aria-labelledby"); panel.setAttribute("aria-label", panel.dataset.tabLabel ?? ""); }
      else { panel.setAttribute("role", "tabpanel"); panel.setAttribute("aria-labelledby", tabs[index].id); panel.removeAttribute("aria-label"); }
    });
  }
  const relayout = () => show(current);
  wide.addEventListener("change", relayout);
  onCleanup(() => wide.removeEventListener("change", relayout));
  show(current);

  return {
    show,
    suggest: tab => { if (!names.includes(store.get(CHOSEN_KEY))) show(tab); },
  };
}

/**
 * Arrow keys, Home and End move between tabs and open the one they reach, as the ARIA tabs pattern has it.
 * @param {KeyboardEvent} event
 * @param {HTMLButtonElement[]} tabs
 */
function moveFocus(event, tabs) {
  const at = tabs.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
  if (at < 0) return;
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const tab = tabs[(next + tabs.length) % tabs.length];
  tab.focus();
  tab.click();
}
