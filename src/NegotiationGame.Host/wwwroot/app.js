// NegotiationGame browser client: a hash-routed single page for the instructor, students and spectators.
// Talks to the SignalR hub /hubs/game (docs/protocol.md). All data is inserted with textContent, never as HTML.

const SCENARIO_ID = "ukraine-2025";
const FEED_LIMIT = 300;
const CLASS_REFRESH_MS = 3000;
const RETRY_MS = 3000;
const FATAL_CODES = ["Unauthorized", "Forbidden"]; // retrying cannot fix these

/* ---------- small DOM helpers ---------- */

function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.className = value;
    else if (key === "testid") node.dataset.testid = value;
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key in node && !key.includes("-")) node[key] = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) node.append(child);
  }
  return node;
}

function fromTemplate(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

const field = (root, name) => root.querySelector(`[data-field="${name}"]`);

// Redraws only when the data changed, so a periodic refresh does not drop the user's text selection.
function replaceIfChanged(node, data, build) {
  const key = JSON.stringify(data);
  if (node.dataset.key === key) return;
  node.dataset.key = key;
  node.replaceChildren(...build());
}

function showError(node, message) {
  node.textContent = message ?? "";
  node.hidden = !message;
}

let toastTimer = 0;
function toast(message, kind = "info") {
  const node = document.getElementById("toast");
  node.textContent = message;
  node.dataset.kind = kind;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { node.hidden = true; }, 5000);
}

const errorText = result => result?.error?.message || result?.error?.code || "Something went wrong.";

const paragraphs = text => String(text ?? "").split(/\n\s*\n/).map(p => p.trim()).filter(Boolean).map(p => h("p", { text: p }));

function prettify(id) {
  const text = String(id ?? "").replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Party ids are short codes ("us", "eu") that read best in capitals when no scenario names them.
const prettyParty = id => (/^[a-z]{2,3}$/.test(id ?? "") ? id.toUpperCase() : prettify(id));

const listJoin = items => (items.length ? items.join(", ") : "nobody");

const points = value => (typeof value === "number" ? value.toFixed(1) : "–");

function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

function formatSeconds(total) {
  const seconds = Math.max(0, Math.round(total));
  const m = Math.floor(seconds / 60);
  return `${m}:${String(seconds % 60).padStart(2, "0")}`;
}

// crypto.randomUUID exists only in secure contexts; classrooms often serve plain http on a LAN address.
function newCommandId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map(b => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function copyText(text) {
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

const store = {
  get: key => { try { return JSON.parse(sessionStorage.getItem(key)); } catch { return null; } },
  set: (key, value) => sessionStorage.setItem(key, JSON.stringify(value)),
  remove: key => sessionStorage.removeItem(key),
};

/* ---------- connection ---------- */

const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/game").withAutomaticReconnect().build();
const streams = new Map(); // gameId -> GameStream of the current view
let starting = null;

function setConnectionStatus(text, state) {
  const node = document.getElementById("connection-status");
  node.textContent = text;
  node.dataset.state = state;
}

function ensureConnected() {
  const state = connection.state;
  if (state === signalR.HubConnectionState.Connected) return Promise.resolve();
  if (starting) return starting;
  // While the client reconnects by itself, a second start() would throw; callers retry instead.
  if (state !== signalR.HubConnectionState.Disconnected) return Promise.reject(new Error("reconnecting"));
  setConnectionStatus("Connecting…", "connecting");
  starting = connection.start()
    .then(() => setConnectionStatus("Live", "live"))
    .catch(err => { setConnectionStatus("Offline – retrying", "offline"); throw err; })
    .finally(() => { starting = null; });
  return starting;
}

async function call(method, args) {
  try {
    await ensureConnected();
    return (await connection.invoke(method, args)) ?? { ok: false, error: { code: "NoReply", message: "The server sent no reply." } };
  } catch (err) {
    return { ok: false, error: { code: "ConnectionError", message: `Could not reach the server (${err?.message ?? err}).` } };
  }
}

// A lost reply is retried with the same commandId: the server acknowledges a repeat without applying it twice.
async function act(token, command) {
  const commandId = newCommandId();
  let result;
  for (let attempt = 0; attempt < 3; attempt++) {
    result = await call("act", { token, commandId, command });
    if (result.ok || result.error?.code !== "ConnectionError") break;
    await new Promise(resolve => setTimeout(resolve, 1500));
  }
  return result;
}

connection.on("gameEvent", e => streams.get(e?.gameId)?.receive(e));
connection.onreconnecting(() => setConnectionStatus("Reconnecting…", "connecting"));
connection.onreconnected(() => {
  setConnectionStatus("Live", "live");
  streams.forEach(stream => stream.sync());
});
connection.onclose(() => {
  setConnectionStatus("Offline – retrying", "offline");
  setTimeout(async function retry() {
    try {
      await ensureConnected();
      streams.forEach(stream => stream.sync());
    } catch {
      setTimeout(retry, 5000);
    }
  }, 5000);
});

/* ---------- game event stream with exactly-once delivery ---------- */

// Follows protocol.md "Reconnecting": keep the last applied sequence, ignore repeats,
// and call watch again (afterSequence = last) on a gap or after a reconnect.
class GameStream {
  constructor(gameId, token, { onEvent, onSummary, onError }) {
    Object.assign(this, { gameId, token, onEvent, onSummary, onError });
    this.last = 0;
    this.summarySequence = 0;
    this.syncing = false;
    this.again = false;
    this.buffer = [];
    this.retryTimer = 0;
    this.stopped = false;
  }

  async sync() {
    if (this.stopped) return;
    if (this.syncing) { this.again = true; return; }
    this.syncing = true;
    clearTimeout(this.retryTimer);
    try {
      do {
        this.again = false;
        const result = await call("watch", { token: this.token, gameId: this.gameId, afterSequence: this.last });
        if (this.stopped) return;
        if (!result.ok) {
          this.onError?.(result.error);
          if (!FATAL_CODES.includes(result.error?.code)) this.retryTimer = setTimeout(() => this.sync(), RETRY_MS);
          return;
        }
        this.summarySequence = result.summary?.lastSequence ?? 0;
        this.onSummary?.(result.summary, result.scenario);
        for (const e of result.events ?? []) this.apply(e);
        const pushed = this.buffer.sort((a, b) => a.sequence - b.sequence);
        this.buffer = [];
        for (const e of pushed) this.accept(e);
      } while (this.again && !this.stopped);
    } finally {
      this.syncing = false;
    }
  }

  receive(e) {
    if (this.syncing) this.buffer.push(e);
    else this.accept(e);
  }

  accept(e) {
    if (e.sequence <= this.last) return;
    if (e.sequence > this.last + 1) { this.sync(); return; }
    this.apply(e);
  }

  apply(e) {
    if (e.sequence <= this.last) return;
    this.last = e.sequence;
    const data = typeof e.data === "string" ? JSON.parse(e.data || "{}") : (e.data ?? {});
    // Events already folded into the summary must not move the clock a second time.
    this.onEvent({ ...e, data }, e.sequence > this.summarySequence);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }
}

function watchGame(gameId, token, handlers) {
  streams.get(gameId)?.stop();
  const stream = new GameStream(gameId, token, handlers);
  streams.set(gameId, stream);
  stream.sync();
  return stream;
}

/* ---------- names, packages and event sentences ---------- */

const plainNames = { party: prettyParty, issue: prettify, option: (_issue, option) => prettify(option) };

function scenarioNames(scenario) {
  const parties = new Map(scenario.parties.map(p => [p.id, p.name]));
  const issues = new Map(scenario.issues.map(i => [i.id, i]));
  return {
    party: id => parties.get(id) ?? prettyParty(id),
    issue: id => issues.get(id)?.name ?? prettify(id),
    option: (issueId, optionId) => issues.get(issueId)?.options.find(o => o.id === optionId)?.label ?? prettify(optionId),
  };
}

const describeTerms = (pkg, names) =>
  Object.entries(pkg ?? {}).map(([issue, option]) => `${names.issue(issue)} → ${names.option(issue, option)}`);

const describePackage = (pkg, names) => describeTerms(pkg, names).join("; ") || "nothing";

const END_REASONS = {
  deadline: "deadline", allIssuesBound: "every issue binds", instructor: "ended by the instructor", walkouts: "walkouts",
};

function describeScores(scores, names) {
  return Object.entries(scores ?? {}).map(([party, score]) => `${names.party(party)} ${points(score)}`).join(", ");
}

function describeEvent(e, names) {
  const d = e.data;
  const parties = ids => listJoin((ids ?? []).map(names.party));
  const issues = ids => listJoin((ids ?? []).map(names.issue));
  switch (e.type) {
    case "BriefingStarted": return "Briefing began: read your instructions";
    case "NegotiationStarted": return "Negotiation began: round 1";
    case "RoundAdvanced": return `Round ${d.round} began`;
    case "DeadlineSet": return `Deadline set for ${formatTime(d.deadline)}`;
    case "DeadlinePassed": return "Time is up for this phase";
    case "ClockPaused": return "The instructor paused the clock";
    case "ClockResumed": return "The clock runs again";
    case "DeadlineExtended": return `Deadline extended by ${d.bySeconds} s`;
    case "NewsInjected": return `News: ${d.headline}`;
    case "StatementMade": return `${names.party(d.party)} said: “${d.text}”`;
    case "MessageSent": return `${names.party(d.party)} to ${parties(d.channel)} (private): “${d.text}”`;
    case "ChannelActive": return `${parties(d.channel)} are on a private call`;
    case "OfferTabled": {
      const verb = d.counterTo ? `countered offer #${d.counterTo} with offer` : "tabled offer";
      const expiry = d.expiresAtRound ? ` (expires when round ${d.expiresAtRound} begins)` : "";
      return `${names.party(d.proposer)} ${verb} #${d.offerId} to ${parties(d.addressees)}: ${describePackage(d.package, names)}${expiry}`;
    }
    case "OfferAccepted": return `${names.party(d.party)} accepted offer #${d.offerId}`;
    case "OfferRejected": return `${names.party(d.party)} rejected offer #${d.offerId}`;
    case "OfferWithdrawn": return `Offer #${d.offerId} was withdrawn`;
    case "OfferExpired": return `Offer #${d.offerId} expired`;
    case "AgreementConcluded":
      return `Agreement #${d.agreementId} concluded by ${parties(d.signatories)}; binding: ${d.bindingIssues?.length ? issues(d.bindingIssues) : "nothing yet (signatures missing)"}`;
    case "AgreementSigned": {
      const now = d.newlyBindingIssues?.length ? `; now binding: ${issues(d.newlyBindingIssues)}` : "";
      return `${names.party(d.party)} signed agreement #${d.agreementId}${now}`;
    }
    case "PartyWalkedAway": return `${names.party(d.party)} walked away from the table`;
    case "GameEnded": return `Game ended (${END_REASONS[d.reason] ?? d.reason}): scores ${describeScores(d.scores, names)}`;
    default: return prettify(e.type);
  }
}

function appendFeed(list, e, names) {
  const item = h("li", { class: `feed-item type-${e.type}`, "data-sequence": e.sequence },
    h("time", { datetime: e.at, text: formatTime(e.at) }),
    h("span", { text: describeEvent(e, names) }));
  if (e.type === "NewsInjected" && e.data.body) item.append(h("p", { class: "news-body", text: e.data.body }));
  list.prepend(item);
  while (list.children.length > FEED_LIMIT) list.lastElementChild.remove();
}

/* ---------- the clock ---------- */

const clockFromSummary = s => ({
  phase: s?.phase ?? "Lobby", round: s?.round ?? 0, paused: !!s?.paused, remaining: null,
  deadline: s?.deadline ? Date.parse(s.deadline) : null, scores: s?.scores ?? {},
});

function applyToClock(clock, e) {
  const d = e.data;
  switch (e.type) {
    case "BriefingStarted": Object.assign(clock, { phase: "Briefing", deadline: null }); break;
    case "NegotiationStarted": Object.assign(clock, { phase: "Negotiation", round: 1, deadline: null }); break;
    case "RoundAdvanced": Object.assign(clock, { round: d.round, deadline: null }); break;
    case "DeadlineSet": Object.assign(clock, { deadline: Date.parse(d.deadline), paused: false }); break;
    case "ClockPaused": Object.assign(clock, { paused: true, remaining: d.remainingSeconds, deadline: null }); break;
    case "ClockResumed": Object.assign(clock, { paused: false, remaining: null, deadline: d.deadline ? Date.parse(d.deadline) : null }); break;
    case "DeadlineExtended":
      if (clock.deadline) clock.deadline += d.bySeconds * 1000;
      if (clock.remaining != null) clock.remaining += d.bySeconds;
      break;
    case "GameEnded": Object.assign(clock, { phase: "Ended", deadline: null, paused: false, scores: d.scores }); break;
    default: return false;
  }
  return true;
}

function countdownNode(clock) {
  if (clock.paused) return h("span", { class: "countdown", text: clock.remaining != null ? `${formatSeconds(clock.remaining)} left` : "" });
  if (!clock.deadline) return h("span", { class: "countdown muted", text: clock.phase === "Lobby" ? "not started" : "no time limit" });
  return h("span", { class: "countdown", "data-deadline": clock.deadline, text: countdownText(clock.deadline) });
}

const countdownText = deadline => `${formatSeconds((deadline - Date.now()) / 1000)} left`;

function renderClock(node, clock, rounds) {
  const round = clock.phase === "Negotiation" ? `Round ${clock.round}${rounds ? ` of ${rounds}` : ""}` : "";
  const parts = [
    h("span", { class: `phase phase-${clock.phase.toLowerCase()}`, text: clock.phase }),
    round && h("span", { class: "round", text: round }),
    clock.phase !== "Ended" && countdownNode(clock),
    clock.paused && h("span", { class: "badge paused", text: "paused" }),
  ];
  node.replaceChildren(...parts.filter(Boolean));
}

setInterval(() => {
  for (const node of document.querySelectorAll(".countdown[data-deadline]")) {
    node.textContent = countdownText(Number(node.dataset.deadline));
  }
}, 1000);

/* ---------- router ---------- */

let cleanups = [];

function parseHash() {
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  return { path: path || "/", params: new URLSearchParams(query) };
}

function route() {
  cleanups.forEach(fn => fn());
  cleanups = [];
  streams.forEach(stream => stream.stop());
  streams.clear();
  const app = document.getElementById("app");
  app.replaceChildren();
  const { path, params } = parseHash();
  const views = { "/": showLanding, "/instructor": showInstructor, "/join": showJoin, "/play": showPlay, "/watch": showWatch };
  (views[path] ?? showLanding)(app, params);
}

function onInterval(fn, ms) {
  const id = setInterval(fn, ms);
  cleanups.push(() => clearInterval(id));
}

function showLanding(app) {
  const root = fromTemplate("tpl-landing");
  const seat = store.get("player");
  if (seat?.token) {
    root.querySelector(".actions").append(h("a", { class: "button", href: "#/play", testid: "resume-play", text: `Back to my game (${prettyParty(seat.partyId)})` }));
  }
  app.append(root);
}

/* ---------- instructor ---------- */

function showInstructor(app) {
  const saved = store.get("instructor");
  if (saved?.instructorToken) showClass(app, saved);
  else showCreateForm(app);
}

function readNumber(form, name, fallback) {
  const value = Number(form.elements[name].value);
  return Number.isFinite(value) && form.elements[name].value !== "" ? value : fallback;
}

function showCreateForm(app) {
  const root = fromTemplate("tpl-instructor-create");
  const form = root.querySelector("form");
  form.elements.seed.value = Math.floor(Math.random() * 100000);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const games = readNumber(form, "games", 1);
    if (!Number.isInteger(games) || games < 1 || games > 20) return showError(field(form, "error"), "Choose between 1 and 20 games.");
    const request = {
      title: form.elements.title.value.trim() || "Negotiation seminar",
      scenario: SCENARIO_ID,
      games,
      briefingSeconds: readNumber(form, "briefingSeconds", 0),
      roundSeconds: readNumber(form, "roundSeconds", 300),
      seed: readNumber(form, "seed", 1),
    };
    const button = form.querySelector("[type=submit]");
    button.disabled = true;
    const result = await call("createClass", request);
    button.disabled = false;
    if (!result.ok) return showError(field(form, "error"), errorText(result));
    const { classId, instructorToken, gameIds, lobbyCode, joinCodes, spectatorTokens } = result;
    store.set("instructor", { classId, instructorToken, gameIds, lobbyCode, joinCodes, spectatorTokens, title: request.title });
    route();
  });
  app.append(root);
}

const joinLink = (classId, code) => `${location.origin}/#/join?class=${encodeURIComponent(classId)}&code=${encodeURIComponent(code)}`;
const spectatorLink = (gameId, token) => `${location.origin}/#/watch?game=${encodeURIComponent(gameId)}&token=${encodeURIComponent(token)}`;

function showClass(app, saved) {
  const root = fromTemplate("tpl-instructor-class");
  const token = saved.instructorToken;
  const cards = new Map();
  const errorNode = field(root, "error");
  let lastClass = null;
  let refreshTimer = 0;

  field(root, "title").textContent = saved.title ?? "Class";
  field(root, "classId").textContent = saved.classId;
  field(root, "lobbyCode").textContent = saved.lobbyCode ?? "–";
  const lobbyUrl = saved.lobbyCode ? joinLink(saved.classId, saved.lobbyCode) : "";
  Object.assign(field(root, "lobbyLink"), { href: lobbyUrl, textContent: lobbyUrl });
  root.querySelector("[data-action=copy-lobby]").addEventListener("click", () => copyText(lobbyUrl));

  root.querySelector("[data-action=forget]").addEventListener("click", () => {
    if (!confirm("Forget this class in this browser? Without the instructor key you cannot control it again.")) return;
    store.remove("instructor");
    route();
  });

  const startForm = root.querySelector("[data-role=start-form]");
  startForm.addEventListener("submit", async event => {
    event.preventDefault();
    const button = startForm.querySelector("[type=submit]");
    button.disabled = true;
    const result = await call("startClass", { token, bots: startForm.elements.bots.value });
    button.disabled = false;
    if (!result.ok) return showError(errorNode, errorText(result));
    showError(errorNode, "");
    toast("Class started.");
    refresh();
  });

  async function refresh() {
    const result = await call("getClass", { token });
    if (!result.ok) return showError(errorNode, errorText(result));
    showError(errorNode, "");
    lastClass = result.class;
    renderClassFacts(root, lastClass);
    renderRoster(field(root, "roster"), lastClass);
    renderOverview(field(root, "overview"), result.games ?? []);
    for (const gameId of lastClass.gameIds) {
      if (!cards.has(gameId)) {
        const card = buildGameCard(gameId, saved, token, scheduleRefresh);
        cards.set(gameId, card);
        field(root, "games").append(card.node);
      }
      const card = cards.get(gameId);
      card.update(lastClass, (result.games ?? []).find(g => g.gameId === gameId));
      if (lastClass.started && !streams.has(gameId)) card.watch();
    }
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 800);
  }

  cleanups.push(() => clearTimeout(refreshTimer));
  onInterval(refresh, CLASS_REFRESH_MS);
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

function renderRoster(tbody, cls) {
  const rows = cls.roster.map(seat => h("tr", {},
    h("td", { text: seat.displayName }), h("td", { text: seat.gameId }), h("td", { class: `party-tag party-${seat.partyId}`, text: prettyParty(seat.partyId) })));
  const bots = Object.entries(cls.bots ?? {}).map(([key, strategy]) => {
    const [gameId, partyId] = key.split("/");
    return h("tr", { class: "bot-row" },
      h("td", { text: `Bot (${strategy})` }), h("td", { text: gameId }), h("td", { class: `party-tag party-${partyId}`, text: prettyParty(partyId) }));
  });
  const empty = h("tr", {}, h("td", { colSpan: 3, class: "muted", text: "Nobody has joined yet." }));
  replaceIfChanged(tbody, [cls.roster, cls.bots], () => (rows.length + bots.length ? [...rows, ...bots] : [empty]));
}

function renderOverview(tbody, games) {
  if (!games.length) {
    tbody.replaceChildren(h("tr", {}, h("td", { colSpan: 6, class: "muted", text: "The games open when you start the class." })));
    return;
  }
  tbody.replaceChildren(...games.map(game => {
    const clock = clockFromSummary(game);
    const clockBox = h("div", { class: "clock" });
    renderClock(clockBox, clock);
    const clockCell = h("td", {}, clockBox);
    const ended = game.phase === "Ended";
    return h("tr", { "data-testid": `overview-${game.gameId}` },
      h("th", { scope: "row", text: game.gameId }),
      h("td", { text: game.phase }),
      h("td", { text: game.round || "–" }),
      clockCell,
      h("td", { text: `#${game.lastSequence}` }),
      h("td", { text: ended ? describeScores(game.scores, plainNames) : "–" }));
  }));
}

function buildGameCard(gameId, saved, token, onChange) {
  const node = fromTemplate("tpl-game-card");
  node.dataset.testid = `game-${gameId}`;
  field(node, "gameId").textContent = gameId;
  field(node, "clock").dataset.testid = `clock-${gameId}`;
  const feed = field(node, "feed");
  feed.dataset.testid = `feed-${gameId}`;

  const spectatorToken = saved.spectatorTokens?.[gameId];
  const link = field(node, "spectatorLink");
  link.dataset.testid = `spectator-link-${gameId}`;
  if (spectatorToken) {
    const url = spectatorLink(gameId, spectatorToken);
    Object.assign(link, { href: url, textContent: url });
    node.querySelector("[data-action=copy-spectator]").addEventListener("click", () => copyText(url));
  } else {
    link.textContent = "only shown in the browser that created the class";
    node.querySelector("[data-action=copy-spectator]").hidden = true;
  }

  for (const button of node.querySelectorAll("[data-command]")) {
    const type = button.dataset.command;
    button.dataset.testid = `${type === "processNow" ? "process-now" : type}-${gameId}`;
    button.addEventListener("click", () => instructGame(type));
  }

  const newsForm = node.querySelector("[data-role=news]");
  newsForm.elements.headline.dataset.testid = `news-headline-${gameId}`;
  newsForm.elements.body.dataset.testid = `news-body-${gameId}`;
  newsForm.querySelector("[type=submit]").dataset.testid = `news-submit-${gameId}`;
  newsForm.addEventListener("submit", async event => {
    event.preventDefault();
    const ok = await instruct({ type: "news", headline: newsForm.elements.headline.value.trim(), body: newsForm.elements.body.value.trim() });
    if (ok) newsForm.reset();
  });

  async function instructGame(type) {
    if (type === "end" && !confirm(`End game ${gameId} now? Scores are final.`)) return;
    const command = type === "extend" ? { type, seconds: 60 } : { type };
    await instruct(command);
  }

  async function instruct(command) {
    const result = await call("instruct", { token, gameId, command });
    if (!result.ok) toast(errorText(result), "error");
    onChange();
    return result.ok;
  }

  function update(cls, summary) {
    const codes = cls.joinCodes.filter(c => c.gameId === gameId && c.partyId);
    replaceIfChanged(field(node, "codes"), [codes, cls.roster, cls.bots], () => codes.map(code => codeRow(cls, gameId, code)));
    if (summary) renderClock(field(node, "clock"), clockFromSummary(summary));
  }

  let watchFailed = false;
  let names = plainNames;
  function watch() {
    watchGame(gameId, token, {
      onSummary: (_summary, scenario) => { if (scenario) names = scenarioNames(scenario); },
      onEvent: e => { watchFailed = false; appendFeed(feed, e, names); onChange(); },
      onError: error => {
        if (!watchFailed) toast(`Watching ${gameId}: ${error?.message ?? "failed"}`, "error");
        watchFailed = true;
      },
    });
  }

  return { node, update, watch };
}

function codeRow(cls, gameId, code) {
  const url = joinLink(cls.classId, code.code);
  const seated = cls.roster.filter(s => s.gameId === gameId && s.partyId === code.partyId).map(s => s.displayName);
  const bot = cls.bots?.[`${gameId}/${code.partyId}`];
  if (bot) seated.push(`bot (${bot})`);
  return h("tr", {},
    h("th", { scope: "row", class: `party-tag party-${code.partyId}`, text: prettyParty(code.partyId) }),
    h("td", { class: "code", text: code.code }),
    h("td", { class: "link-cell" },
      h("a", { href: url, text: url, testid: `join-link-${gameId}-${code.partyId}` }),
      h("button", { type: "button", class: "small", text: "Copy", "aria-label": `Copy join link for ${prettyParty(code.partyId)}`, onclick: () => copyText(url) })),
    h("td", { text: seated.join(", ") || "–" }));
}

/* ---------- student: join ---------- */

function showJoin(app, params) {
  const root = fromTemplate("tpl-join");
  const form = root.querySelector("form");
  form.elements.classId.value = params.get("class") ?? "";
  form.elements.code.value = params.get("code") ?? "";
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const request = {
      classId: form.elements.classId.value.trim(),
      code: form.elements.code.value.trim().toUpperCase(),
      name: form.elements.name.value.trim(),
    };
    if (!request.classId || !request.code || !request.name) return showError(field(form, "error"), "Fill in the class id, the code and your name.");
    const button = form.querySelector("[type=submit]");
    button.disabled = true;
    const result = await call("joinClass", request);
    button.disabled = false;
    if (!result.ok) return showError(field(form, "error"), errorText(result));
    store.set("player", { token: result.token, gameId: result.gameId, partyId: result.partyId, seatId: result.seatId, name: request.name });
    location.hash = "#/play";
  });
  app.append(root);
  (form.elements.classId.value && form.elements.code.value ? form.elements.name : form.elements.classId).focus();
}

/* ---------- student: player console ---------- */

function showPlay(app) {
  const seat = store.get("player");
  if (!seat?.token) { location.hash = "#/join"; return; }
  const root = fromTemplate("tpl-play");
  root.dataset.party = seat.partyId;
  const ctx = { seat, root, view: null, scenario: null, names: plainNames, clock: clockFromSummary(null), offers: new Map(), builderReady: false, counterTo: null, walkedAway: false };
  let viewTimer = 0;
  const reload = delay => { clearTimeout(viewTimer); viewTimer = setTimeout(() => loadView(ctx), delay); };
  ctx.refreshView = () => reload(250);
  ctx.retryView = () => reload(RETRY_MS);
  cleanups.push(() => clearTimeout(viewTimer));

  root.querySelector("[data-action=walk-away]").addEventListener("click", () => walkAway(ctx));
  root.querySelector("[data-action=leave]").addEventListener("click", () => {
    if (!confirm("Sign out of this seat on this device? You need a join code to come back.")) return;
    store.remove("player");
    location.hash = "#/";
  });
  app.append(root);
  renderClock(field(root, "clock"), ctx.clock);
  loadView(ctx);
}

async function loadView(ctx) {
  const result = await call("getView", { token: ctx.seat.token });
  if (!document.contains(ctx.root)) return;
  if (!result.ok) {
    const code = result.error?.code;
    setNotice(ctx, code === "GameNotFound" ? "Waiting for the instructor to start the class…" : errorText(result));
    if (!FATAL_CODES.includes(code)) ctx.retryView();
    return;
  }
  if (!ctx.ended && !ctx.walkedAway) setNotice(ctx, "");
  ctx.view = result.view;
  if (!ctx.scenario) {
    // The feed waits for the scenario so that every sentence can use party names and option labels.
    ctx.scenario = result.scenario;
    ctx.names = scenarioNames(result.scenario);
    renderStatic(ctx);
    buildOfferBuilder(ctx);
    startPlayerStream(ctx);
  }
  renderPlayerState(ctx);
}

function setNotice(ctx, message) {
  const node = field(ctx.root, "notice");
  node.textContent = message;
  node.hidden = !message;
}

function startPlayerStream(ctx) {
  watchGame(ctx.seat.gameId, ctx.seat.token, {
    onSummary: summary => { ctx.clock = clockFromSummary(summary); renderPlayerClock(ctx); ctx.refreshView(); },
    onEvent: (e, fresh) => {
      trackOffer(ctx.offers, e);
      noteOwnFate(ctx, e);
      appendFeed(field(ctx.root, "feed"), e, ctx.names);
      if (fresh && applyToClock(ctx.clock, e)) renderPlayerClock(ctx);
      if (fresh) ctx.refreshView();
    },
    onError: error => setNotice(ctx, error?.code === "GameNotFound" ? "Waiting for the instructor to start the class…" : error?.message),
  });
}

function noteOwnFate(ctx, e) {
  if (e.type === "PartyWalkedAway" && e.data.party === ctx.seat.partyId) {
    ctx.walkedAway = true;
    setNotice(ctx, "You have walked away from the table.");
  } else if (e.type === "GameEnded") {
    ctx.ended = true;
    setNotice(ctx, `The game is over. Your final score: ${points(e.data.scores?.[ctx.seat.partyId])}`);
  }
}

function renderPlayerClock(ctx) {
  renderClock(field(ctx.root, "clock"), ctx.clock, ctx.scenario?.rounds);
  updateBuilderAvailability(ctx);
}

function renderStatic(ctx) {
  const { root, view, scenario } = ctx;
  field(root, "partyName").textContent = view.name;
  field(root, "leader").textContent = view.bot ? `${view.leader} · played by a bot (${view.bot})` : view.leader;
  field(root, "background").replaceChildren(h("h3", { text: scenario.title }), ...paragraphs(scenario.publicBackground));
  field(root, "briefing").replaceChildren(...paragraphs(view.confidentialBriefing));
  field(root, "reservation").textContent = points(view.reservation);
}

function renderPlayerState(ctx) {
  const { root, view } = ctx;
  field(root, "binds").textContent = points(view.utilityOfWhatBinds);
  renderInbox(ctx);
  renderAgreements(ctx);
  updateBuilderSummary(ctx);
  updateBuilderAvailability(ctx);
}

/* ---------- offer builder ---------- */

function groupIssues(issues) {
  const groups = new Map();
  for (const issue of issues) {
    const name = issue.group || "Other";
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(issue);
  }
  return groups;
}

function buildOfferBuilder(ctx) {
  const { root, scenario, view } = ctx;
  const form = root.querySelector("[data-role=offer-form]");
  const redLines = new Set(view.redLines);
  const groups = [...groupIssues(scenario.issues)].map(([group, issues]) =>
    h("fieldset", { class: "issue-group" }, h("legend", { text: group }), ...issues.map(issue => issueField(issue, redLines))));
  field(root, "issues").replaceChildren(...groups);

  const others = scenario.parties.filter(p => p.id !== ctx.seat.partyId);
  field(root, "addressees").replaceChildren(...others.map(p => h("label", { class: `check party-chip party-${p.id}` },
    h("input", { type: "checkbox", name: "addressee", value: p.id, testid: `addressee-${p.id}` }), p.name)));

  form.addEventListener("change", () => updateBuilderSummary(ctx));
  form.addEventListener("input", () => updateBuilderSummary(ctx));
  buildTalk(ctx, others);
  form.addEventListener("reset", () => setTimeout(() => { setCounter(ctx, null); updateBuilderSummary(ctx); }));
  form.addEventListener("submit", event => { event.preventDefault(); submitOffer(ctx); });
  root.querySelector("[data-action=cancel-counter]").addEventListener("click", () => form.reset());
  ctx.builderReady = true;
}

function issueField(issue, redLines) {
  const select = h("select", { id: `issue-${issue.id}`, name: issue.id, testid: `issue-${issue.id}` },
    h("option", { value: "", text: "— leave open —" }),
    ...issue.options.map(o => h("option", { value: o.id, text: redLines.has(`${issue.id}/${o.id}`) ? `${o.label} ⛔ red line` : o.label })));
  return h("div", { class: "issue" },
    h("label", { for: `issue-${issue.id}`, text: issue.name }),
    select,
    issue.description && h("p", { class: "hint", text: issue.description }));
}

function readPackage(ctx) {
  const pkg = {};
  for (const issue of ctx.scenario.issues) {
    const value = document.getElementById(`issue-${issue.id}`)?.value;
    if (value) pkg[issue.id] = value;
  }
  return pkg;
}

const readAddressees = root => [...root.querySelectorAll("input[name=addressee]:checked")].map(input => input.value);

// Utility in points: open issues count at their no-deal option, as the server scores them.
function packageScore(view, scenario, pkg) {
  return scenario.issues.reduce((sum, issue) => {
    const option = pkg[issue.id] ?? issue.noDeal;
    return sum + (view.weights[issue.id] ?? 0) * (view.values[issue.id]?.[option] ?? 0) / 100;
  }, 0);
}

const redLineHits = (view, pkg) => Object.entries(pkg).filter(([issue, option]) => view.redLines.includes(`${issue}/${option}`));

function requiredSigners(scenario, pkg) {
  const signers = new Set();
  for (const issue of scenario.issues) {
    if (!pkg[issue.id]) continue;
    issue.signatories.forEach(p => signers.add(p));
    issue.options.find(o => o.id === pkg[issue.id])?.alsoRequires?.forEach(p => signers.add(p));
  }
  return [...signers];
}

function updateBuilderSummary(ctx) {
  if (!ctx.builderReady || !ctx.view) return;
  const { root, view, scenario, names } = ctx;
  const pkg = readPackage(ctx);
  const score = packageScore(view, scenario, pkg);
  field(root, "score").textContent = points(score);
  field(root, "score").classList.toggle("below", score < view.reservation);
  field(root, "scoreHint").textContent = score < view.reservation ? `(below your reservation value ${points(view.reservation)})` : "";
  const hits = redLineHits(view, pkg);
  showError(field(root, "redLineWarning"), hits.length ? `Crosses your red line: ${describePackage(Object.fromEntries(hits), names)}` : "");
  const signers = requiredSigners(scenario, pkg);
  field(root, "signers").textContent = signers.length ? `Must sign: ${signers.map(names.party).join(", ")}` : "Choose options for the issues you want to settle.";
}

function updateBuilderAvailability(ctx) {
  const closed = ctx.clock.phase === "Ended" || ctx.walkedAway;
  field(ctx.root, "builderFields").disabled = closed;
  ctx.root.querySelector("[data-action=walk-away]").disabled = closed;
}

function setCounter(ctx, offer) {
  const { root } = ctx;
  ctx.counterTo = offer?.offerId ?? null;
  field(root, "builderTitle").textContent = offer ? `Counter offer #${offer.offerId}` : "Make an offer";
  root.querySelector("[data-testid=offer-submit]").textContent = offer ? "Send counter-offer" : "Table offer";
  root.querySelector("[data-action=cancel-counter]").hidden = !offer;
  field(root, "expiryLabel").hidden = !!offer;
}

function prefillCounter(ctx, offer) {
  const { root, scenario, seat } = ctx;
  for (const issue of scenario.issues) document.getElementById(`issue-${issue.id}`).value = offer.package[issue.id] ?? "";
  const to = new Set([offer.proposer, ...offer.addressees].filter(p => p !== seat.partyId));
  root.querySelectorAll("input[name=addressee]").forEach(input => { input.checked = to.has(input.value); });
  setCounter(ctx, offer);
  updateBuilderSummary(ctx);
  root.querySelector(".builder").scrollIntoView({ behavior: "smooth", block: "start" });
}

async function submitOffer(ctx) {
  const { root } = ctx;
  const errorNode = field(root, "error");
  const pkg = readPackage(ctx);
  const addressees = readAddressees(root);
  if (!Object.keys(pkg).length) return showError(errorNode, "Choose an option for at least one issue.");
  if (!addressees.length) return showError(errorNode, "Choose at least one party to send the offer to.");
  const expiry = Number(root.querySelector("[name=expiry]").value);
  const command = ctx.counterTo
    ? { type: "counter", offerId: ctx.counterTo, package: pkg, addressees }
    : { type: "table", package: pkg, addressees, expiresAfterRounds: expiry > 0 ? expiry : undefined };
  const button = root.querySelector("[data-testid=offer-submit]");
  button.disabled = true;
  const result = await act(ctx.seat.token, command);
  button.disabled = false;
  if (!result.ok) return showError(errorNode, errorText(result));
  showError(errorNode, "");
  toast(ctx.counterTo ? "Counter-offer sent." : "Offer tabled.");
  root.querySelector("[data-role=offer-form]").reset();
  ctx.refreshView();
}

/* ---------- inbox, agreements, walking away ---------- */

async function playerCommand(ctx, command, success) {
  const result = await act(ctx.seat.token, command);
  if (!result.ok) toast(errorText(result), "error");
  else toast(success);
  ctx.refreshView();
  return result.ok;
}

function renderInbox(ctx) {
  const { root, view } = ctx;
  const offers = view.inbox.map(offer => offerCard(ctx, offer));
  field(root, "inbox").replaceChildren(...(offers.length ? offers : [h("p", { class: "muted", text: "No open offers involve you right now." })]));
}

function offerCard(ctx, offer) {
  const { names, seat, view } = ctx;
  const mine = offer.proposer === seat.partyId;
  const accepted = offer.acceptedBy.includes(seat.partyId);
  const redLines = new Set(view.redLines);
  const terms = Object.entries(offer.package).map(([issue, option]) => h("li", {
    class: redLines.has(`${issue}/${option}`) ? "red-line" : null,
    text: `${names.issue(issue)}: ${names.option(issue, option)}`,
  }));
  const actions = [];
  if (mine) {
    actions.push(h("button", { type: "button", text: "Withdraw", testid: `withdraw-${offer.offerId}`,
      onclick: () => playerCommand(ctx, { type: "withdraw", offerId: offer.offerId }, `Offer #${offer.offerId} withdrawn.`) }));
  } else {
    if (!accepted) {
      actions.push(h("button", { type: "button", class: "primary", text: "Accept", testid: `accept-${offer.offerId}`,
        onclick: () => playerCommand(ctx, { type: "accept", offerId: offer.offerId }, `You accepted offer #${offer.offerId}.`) }));
    }
    if (offer.needsMyAnswer) {
      actions.push(h("button", { type: "button", text: "Reject", testid: `reject-${offer.offerId}`,
        onclick: () => playerCommand(ctx, { type: "reject", offerId: offer.offerId }, `You rejected offer #${offer.offerId}.`) }));
    }
    actions.push(h("button", { type: "button", class: "ghost", text: "Counter", testid: `counter-${offer.offerId}`, onclick: () => prefillCounter(ctx, offer) }));
  }
  return h("article", { class: `offer party-accent party-${offer.proposer}`, testid: `inbox-offer-${offer.offerId}` },
    h("h3", { text: `Offer #${offer.offerId} from ${mine ? "you" : names.party(offer.proposer)}` }),
    h("p", { class: "muted", text: `To ${listJoin(offer.addressees.map(names.party))} · accepted by ${listJoin(offer.acceptedBy.map(names.party))}` }),
    h("ul", { class: "terms" }, ...terms),
    h("p", {}, "My score: ", h("strong", { text: points(offer.myUtility), testid: `offer-utility-${offer.offerId}` })),
    offer.crossesMyRedLine && h("p", { class: "warning", text: "This offer crosses one of your red lines." }),
    accepted && !mine && h("p", { class: "muted", text: "You have accepted; waiting for the others." }),
    h("div", { class: "row wrap" }, ...actions));
}

function renderAgreements(ctx) {
  const { root, view, names } = ctx;
  const items = view.agreementsAwaitingSignature.map(id => {
    const pkg = ctx.offers.get(id)?.package;
    return h("li", { class: "agreement", testid: `agreement-${id}` },
      h("span", { text: `Agreement #${id}${pkg ? `: ${describePackage(pkg, names)}` : ""}` }),
      h("button", { type: "button", class: "primary", text: "Sign", testid: `sign-${id}`,
        onclick: () => playerCommand(ctx, { type: "sign", agreementId: id }, `You signed agreement #${id}.`) }));
  });
  field(root, "agreements").replaceChildren(...(items.length ? items : [h("li", { class: "muted", text: "Nothing waits for your signature." })]));
}

/** A public statement, or a private message when other parties are ticked: the server decides who may read it. */
function buildTalk(ctx, others) {
  const form = ctx.root.querySelector("[data-role=talk-form]");
  field(ctx.root, "talk-channel").replaceChildren(...others.map(p => h("label", { class: `check party-chip party-${p.id}` },
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

async function walkAway(ctx) {
  if (!confirm("Walk away for good? You cannot come back to the table.")) return;
  if (await playerCommand(ctx, { type: "walkAway" }, "You walked away.")) {
    noteOwnFate(ctx, { type: "PartyWalkedAway", data: { party: ctx.seat.partyId } });
    updateBuilderAvailability(ctx);
  }
}

/* ---------- public offer tracking (player and spectator) ---------- */

function trackOffer(offers, e) {
  const d = e.data;
  const offer = offers.get(d.offerId ?? d.agreementId);
  switch (e.type) {
    case "OfferTabled":
      offers.set(d.offerId, { ...d, status: "open", acceptedBy: [d.proposer], signedBy: [], binding: [] });
      break;
    case "OfferAccepted": if (offer) offer.acceptedBy.push(d.party); break;
    case "OfferRejected": if (offer) Object.assign(offer, { status: "rejected", rejectedBy: d.party }); break;
    case "OfferWithdrawn": if (offer) offer.status = "withdrawn"; break;
    case "OfferExpired": if (offer) offer.status = "expired"; break;
    case "AgreementConcluded":
      if (offer) Object.assign(offer, { status: "agreement", agreement: true, acceptedBy: d.signatories, binding: [...d.bindingIssues] });
      break;
    case "AgreementSigned":
      if (offer) { offer.signedBy.push(d.party); offer.binding.push(...d.newlyBindingIssues); }
      break;
    default: return false;
  }
  return true;
}

/* ---------- spectator ---------- */

function showWatch(app, params) {
  const gameId = params.get("game");
  const token = params.get("token");
  const root = fromTemplate("tpl-watch");
  const errorNode = field(root, "error");
  field(root, "gameId").textContent = gameId ?? "";
  app.append(root);
  if (!gameId || !token) return showError(errorNode, "This spectator link is incomplete: it needs a game and a token.");

  const offers = new Map();
  let clock = clockFromSummary(null);
  let names = plainNames;
  renderClock(field(root, "clock"), clock);
  watchGame(gameId, token, {
    onSummary: (summary, scenario) => {
      showError(errorNode, "");
      if (scenario) names = scenarioNames(scenario);
      clock = clockFromSummary(summary);
      renderClock(field(root, "clock"), clock, scenario?.rounds);
    },
    onEvent: (e, fresh) => {
      appendFeed(field(root, "feed"), e, names);
      if (fresh && applyToClock(clock, e)) renderClock(field(root, "clock"), clock);
      if (trackOffer(offers, e)) renderPublicTables(root, offers, names);
    },
    onError: error => showError(errorNode, error?.code === "GameNotFound" ? "The game has not started yet; waiting…" : error?.message),
  });
}

function offerStatus(offer) {
  if (offer.status === "open") return `open · accepted by ${listJoin(offer.acceptedBy.map(plainNames.party))}`;
  if (offer.status === "rejected") return `rejected by ${plainNames.party(offer.rejectedBy)}`;
  return offer.status;
}

function renderPublicTables(root, offers, names) {
  const all = [...offers.values()].sort((a, b) => b.offerId - a.offerId);
  const party = names.party;
  field(root, "offers").replaceChildren(...all.map(o => h("tr", { class: `status-${o.status}`, testid: `public-offer-${o.offerId}` },
    h("th", { scope: "row", text: `#${o.offerId}` }),
    h("td", { class: `party-tag party-${o.proposer}`, text: party(o.proposer) }),
    h("td", { text: listJoin(o.addressees.map(party)) }),
    h("td", { text: describePackage(o.package, names) }),
    h("td", { text: offerStatus(o) }))));
  field(root, "agreements").replaceChildren(...all.filter(o => o.agreement).map(o => h("tr", { testid: `public-agreement-${o.offerId}` },
    h("th", { scope: "row", text: `#${o.offerId}` }),
    h("td", { text: listJoin(o.acceptedBy.map(party)) }),
    h("td", { text: o.binding.length ? o.binding.map(names.issue).join(", ") : "nothing yet" }),
    h("td", { text: o.signedBy.length ? o.signedBy.map(party).join(", ") : "–" }))));
}

/* ---------- boot ---------- */

window.addEventListener("hashchange", route);
ensureConnected().catch(() => {});
route();
