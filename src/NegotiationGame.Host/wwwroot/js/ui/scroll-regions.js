// @ts-check
// Every box that scrolls on its own (a wide table on a phone, a feed) can be reached and scrolled with the keyboard:
// pages build such boxes from templates and modules alike, so one observer gives each a place in the tab order.

const SCROLLING_BOXES = ".table-scroll, .feed";

/** @param {ParentNode} root */
function makeFocusable(root) {
  for (const box of root.querySelectorAll(SCROLLING_BOXES)) {
    if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
  }
}

/** Watches the page's main element for the boxes each page adds. */
export function keepScrollingBoxesFocusable(app = document.getElementById("app")) {
  if (!app) return;
  makeFocusable(app);
  new MutationObserver(() => makeFocusable(app)).observe(app, { childList: true, subtree: true });
}
