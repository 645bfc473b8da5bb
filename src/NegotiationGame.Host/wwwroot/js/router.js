// @ts-check
// The hash router: one page at a time in <main id="app">, each page's timers and listeners dropped when it goes.

import { usePartyColours } from "./game/party-colours.js";
import { stopAllStreams } from "./net/game-streams.js";

let pages = {};
let cleanups = [];

function parseHash() {
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  return { path: path || "/", params: new URLSearchParams(query) };
}

/** Shows the page the address names (the page at "/" for any it does not know). */
export function route() {
  cleanups.forEach(fn => fn());
  cleanups = [];
  stopAllStreams();
  usePartyColours([]); // until the new page knows its scenario
  const app = document.getElementById("app");
  app.replaceChildren();
  const { path, params } = parseHash();
  (pages[path] ?? pages["/"])(app, params);
}

/** Routes by pagesByPath ("/join": (app, params) => …) now and on every change of the address. */
export function startRouter(pagesByPath) {
  pages = pagesByPath;
  window.addEventListener("hashchange", route);
  route();
}

/** Runs fn when the current page is left. */
export const onCleanup = fn => { cleanups.push(fn); };

export function onInterval(fn, ms) {
  const id = setInterval(fn, ms);
  onCleanup(() => clearInterval(id));
}
