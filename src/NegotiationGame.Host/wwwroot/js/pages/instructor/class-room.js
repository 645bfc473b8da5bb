// @ts-check
// The running class: lobby code, roster, class-wide controls, alerts, an overview of every game and one card per game.
// The games' event streams keep each game's clock, controls, alerts and overview row current.

import { followClass } from "../../net/class-feed.js";
import { describeScores } from "../../game/event-text.js";
import { schedulableRounds } from "../../game/scheduled-news.js";
import { plainNames, scenarioNames } from "../../game/names.js";
import { usePartyColours } from "../../game/party-colours.js";
import { joinLink } from "../../links.js";
import { call } from "../../net/connection.js";
import { isWatching } from "../../net/game-streams.js";
import { errorText } from "../../net/replies.js";
import { onCleanup, route } from "../../router.js";
import { store } from "../../store.js";
import { renderClock } from "../../ui/clock.js";
import { buttonIn, copyText, field, formIn, fromTemplate, h, replaceIfChanged, showError, toast } from "../../ui/dom.js";
import { alertText } from "./alerts.js";
import { mountBriefingReveal } from "./briefing-reveal.js";
import { buildClassControls } from "./class-controls.js";
import { buildGameCard } from "./game-card.js";
import { buildRecoveryPanel } from "./recovery.js";
import { buildSeatsPanel } from "./seats-panel.js";

/** @import { Clock, Names } from "../../types.js" */
/** @import { GameAlert } from "./alerts.js" */

const MAX_ALERTS = 50;

export function showClass(app, saved) {
  const root = fromTemplate("tpl-instructor-class");
  const token = saved.instructorToken;
  const cards = new Map();
  const errorNode = field(root, "error");
  let lastClass = null;
  let refreshTimer = 0;
  let names = plainNames;
  /** @type {number | undefined} */
  let classRounds;
  const alertList = field(root, "alerts");

  const seatsPanel = buildSeatsPanel(token, () => scheduleRefresh());
  field(root, "roster").closest("section").after(seatsPanel.node);
  field(root, "instructorLink").closest("p").after(buildRecoveryPanel(saved));
  field(root, "title").textContent = saved.title ?? "Class";
  field(root, "classId").textContent = saved.classId;
  field(root, "lobbyCode").textContent = saved.lobbyCode ?? "–";
  const lobbyUrl = saved.lobbyCode ? joinLink(saved.classId, saved.lobbyCode) : "";
  Object.assign(field(root, "lobbyLink"), { href: lobbyUrl, textContent: lobbyUrl });
  root.querySelector("[data-action=copy-lobby]").addEventListener("click", () => copyText(lobbyUrl));

  root.querySelector("[data-action=reissue-link]").addEventListener("click", async () => {
    if (!confirm("Make a new instructor link? Every browser holding the old one loses control of this class.")) return;
    const result = await call("reissueInstructorLink", { token: saved.instructorToken });
    if (!result.ok) return showError(errorNode, errorText(result));
    saved.instructorToken = result.instructorToken;
    store.set("instructor", saved);
    const url = `${location.origin}/#/instructor?link=${encodeURIComponent(JSON.stringify(saved))}`;
    const linkNode = field(root, "instructorLink");
    Object.assign(linkNode, { href: url, textContent: "Instructor link (open it in the browser that should run the class)" });
    linkNode.hidden = false;
    copyText(url);
  });

  root.querySelector("[data-action=forget]").addEventListener("click", () => {
    if (!confirm("Forget this class in this browser? Without the instructor key you cannot control it again.")) return;
    store.remove("instructor");
    route();
  });

  const startForm = formIn(root, "[data-role=start-form]");
  startForm.addEventListener("submit", async event => {
    event.preventDefault();
    const button = buttonIn(startForm, "[type=submit]");
    button.disabled = true;
    const result = await call("startClass", { token, bots: startForm.elements.bots.value, untimedBriefing: startForm.elements.untimedBriefing.checked });
    button.disabled = false;
    if (!result.ok) return showError(errorNode, errorText(result));
    showError(errorNode, "");
    toast("Class started.");
    refresh();
  });

  const reveal = field(root, "reveal");
  const showBriefingReveal = mountBriefingReveal(reveal, token, errorNode);
  reveal.addEventListener("change", async () => {
    const result = await call("setRevealPolicy", { token, revealPrivateAfterEnd: reveal.checked });
    if (!result.ok) return showError(errorNode, errorText(result));
    toast(reveal.checked ? "Private channels will be revealed when each game ends." : "Private channels stay private after the games end.");
  });

  async function refresh() {
    // watchClass answers like getClass and has the server push each later change of the class (net/class-feed.js);
    // the games are followed from their own streams.
    const result = await call("watchClass", { token });
    if (!result.ok) return showError(errorNode, errorText(result));
    showError(errorNode, "");
    lastClass = result.class;
    reveal.checked = lastClass.revealPrivateAfterEnd;
    showBriefingReveal(lastClass.revealBriefingsAfterEnd ?? true);
    renderClassFacts(root, lastClass);
    // Until a class reports its scenario, parties show by their ids.
    names = result.scenario ? scenarioNames(result.scenario) : plainNames;
    classRounds = result.scenario?.rounds;
    usePartyColours(result.scenario?.parties ?? []);
    renderRoster(field(root, "roster"), lastClass, names);
    seatsPanel.update(lastClass, names);
    classControls.node.hidden = !lastClass.started;
    for (const gameId of lastClass.gameIds) {
      if (!cards.has(gameId)) {
        const card = buildGameCard(gameId, saved, token, { onChange: scheduleOverview, onAlert: showAlert, onRosterChange: scheduleRefresh });
        cards.set(gameId, card);
        field(root, "games").append(card.node);
      }
      const card = cards.get(gameId);
      card.update(lastClass, (result.games ?? []).find(g => g.gameId === gameId), names);
      if (lastClass.started && !isWatching(gameId)) card.watch();
    }
    drawOverview();
  }

  // The overview is drawn from the cards' streams, so a game's move shows without asking the server.
  function drawOverview() {
    const games = (lastClass?.started ? lastClass.gameIds : []).map(gameId => ({ gameId, clock: cards.get(gameId).currentClock() }));
    renderOverview(field(root, "overview"), games, names, gameId => cards.get(gameId)?.lastEventText());
    const rounds = [...new Set(games.flatMap(game => schedulableRounds(game.clock, classRounds)))].sort((a, b) => a - b);
    classControls.update(games.map(game => game.clock), rounds, games.map(game => cards.get(game.gameId).waitingNews()));
  }

  let overviewTimer = 0;
  function scheduleOverview() {
    clearTimeout(overviewTimer);
    overviewTimer = setTimeout(drawOverview, 200);
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 800);
  }

  /** @param {GameAlert} alert */
  function showAlert(alert) {
    field(root, "noAlerts").hidden = true;
    alertList.prepend(h("li", { class: `alert-${alert.kind}`, text: alertText(alert, names) }));
    while (alertList.children.length > MAX_ALERTS) alertList.lastElementChild?.remove();
    if (alert.kind !== "idle") toast(alertText(alert, names));
  }

  // A class-wide command changes what the games' streams then push; the class itself is read again only for its roster.
  const classControls = buildClassControls(token, () => {});
  classControls.node.hidden = true;
  field(root, "classControls").replaceWith(classControls.node);

  onCleanup(followClass(saved.classId, scheduleRefresh));
  onCleanup(() => { clearTimeout(refreshTimer); clearTimeout(overviewTimer); });
  app.append(root);
  refresh();
}

function renderClassFacts(root, cls) {
  field(root, "title").textContent = cls.title;
  field(root, "status").textContent = cls.started ? `Started · ${cls.gameIds.length} game(s)` : `Waiting for students · ${cls.roster.length} joined`;
  const lobby = cls.joinCodes.find(c => !c.gameId);
  if (lobby) field(root, "lobbyCode").textContent = lobby.code;
  const startForm = root.querySelector("[data-role=start-form]");
  startForm.hidden = cls.started;
}

/**
 * @param {HTMLElement} tbody
 * @param {any} cls the class as getClass returns it
 * @param {Names} names
 */
function renderRoster(tbody, cls, names) {
  const rows = cls.roster.map(seat => h("tr", {},
    h("td", { text: seat.displayName }), h("td", { text: seat.gameId }), h("td", { class: "party-tag", party: seat.partyId, text: names.party(seat.partyId) })));
  const bots = Object.entries(cls.bots ?? {}).map(([key, strategy]) => {
    const [gameId, partyId] = key.split("/");
    return h("tr", { class: "bot-row" },
      h("td", { text: `Bot (${strategy})` }), h("td", { text: gameId }), h("td", { class: "party-tag", party: partyId, text: names.party(partyId) }));
  });
  const empty = h("tr", {}, h("td", { colSpan: 3, class: "muted", text: "Nobody has joined yet." }));
  replaceIfChanged(tbody, [cls.roster, cls.bots, names !== plainNames], () => (rows.length + bots.length ? [...rows, ...bots] : [empty]));
}

/**
 * @param {HTMLElement} tbody
 * @param {{ gameId: string, clock: Clock }[]} games each game's clock as its card follows it
 * @param {Names} names
 * @param {(gameId: string) => string | undefined} lastEventText the game's newest event in words, where known
 */
function renderOverview(tbody, games, names, lastEventText) {
  if (!games.length) {
    tbody.replaceChildren(h("tr", {}, h("td", { colSpan: 6, class: "muted", text: "The games open when you start the class." })));
    return;
  }
  tbody.replaceChildren(...games.map(game => {
    const clock = game.clock;
    const clockBox = h("div", { class: "clock" });
    renderClock(clockBox, clock);
    const clockCell = h("td", {}, clockBox);
    const ended = clock.phase === "Ended";
    return h("tr", { "data-testid": `overview-${game.gameId}` },
      h("th", { scope: "row", text: game.gameId }),
      h("td", { text: clock.phase }),
      h("td", { text: clock.round || "–" }),
      clockCell,
      h("td", { class: "last-event", text: lastEventText(game.gameId) ?? "" }),
      h("td", { text: ended ? describeScores(clock.scores, names) : "–" }));
  }));
}
