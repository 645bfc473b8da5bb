// @ts-check
// NegotiationGame browser client: a hash-routed single page for the instructor, students and spectators.
// Talks to the SignalR hub /hubs/game (docs/protocol.md). All data is inserted with textContent, never as HTML.
// Plain ES modules, loaded by the browser as they are: there is no build step (docs/architecture.md "Web UI").

import { ensureConnected } from "./net/connection.js";
import { showCompare } from "./pages/compare.js";
import { showDebrief } from "./pages/debrief/page.js";
import { showInstructor } from "./pages/instructor/page.js";
import { showJoin } from "./pages/join.js";
import { showLanding } from "./pages/landing.js";
import { showPlay } from "./pages/player/page.js";
import { showWatch } from "./pages/spectator.js";
import { showTranscript } from "./pages/transcript.js";
import { startRouter } from "./router.js";
import { keepScrollingBoxesFocusable } from "./ui/scroll-regions.js";

ensureConnected().catch(() => {});
keepScrollingBoxesFocusable();
startRouter({
  "/": showLanding, "/instructor": showInstructor, "/join": showJoin, "/play": showPlay, "/watch": showWatch,
  "/debrief": showDebrief, "/compare": showCompare, "/transcript": showTranscript,
});
