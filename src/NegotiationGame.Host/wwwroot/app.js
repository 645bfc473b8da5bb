// NegotiationGame browser client: a hash-routed single page for the instructor, students and spectators.
// Talks to the SignalR hub /hubs/game (docs/protocol.md). All data is inserted with textContent, never as HTML.

import qrcode from "/lib/qrcode.mjs";

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

// The nodes the server lists (NegotiationGame:NodeUrls: a cluster's nodes, or one load balancer) are where this page
// reconnects when its node goes away. With a list, the connection skips negotiation and speaks WebSockets only, so
// that whichever node answers can take it without sticky sessions; without one, it stays on the page's own origin.
const listedNodes = await listNodes();
const nodes = listedNodes.length > 0 ? listedNodes : [location.origin];
const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${nodes[0]}/hubs/game`, listedNodes.length > 0 ? { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true } : {})
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: nextReconnect })
  .build();
let nodeIndex = 0;

async function listNodes() {
  try {
    const reply = await fetch("/api/nodes");
    const listed = reply.ok ? (await reply.json()).nodes : [];
    if (Array.isArray(listed) && listed.length > 0) {
      // Start on the node that served the page when it is listed; the others follow in the server's order.
      const own = listed.indexOf(location.origin);
      return own < 0 ? listed : [...listed.slice(own), ...listed.slice(0, own)];
    }
  } catch {
    // No list: reconnect to this origin only.
  }
  return [];
}

// The first retry goes to the same node (most drops are a blip, or the server closing a slow connection); each later
// one moves to the next node, at once for the first round of the list, then backing off to 5 s. It never gives up.
function nextReconnect({ previousRetryCount }) {
  if (previousRetryCount === 0) return 0;
  moveToNextNode();
  return previousRetryCount <= nodes.length ? 0 : Math.min(5000, 500 * 2 ** (previousRetryCount - nodes.length));
}

function moveToNextNode() {
  nodeIndex = (nodeIndex + 1) % nodes.length;
  connection.baseUrl = `${nodes[nodeIndex]}/hubs/game`;
  if (nodes.length > 1) setConnectionStatus(`Reconnecting… trying ${nodeName(nodes[nodeIndex])}`, "connecting");
}

const nodeName = origin => new URL(origin).host;

// Where the connection is now; downloads go there too, since the node that served the page may be gone.
const currentNodeUrl = path => new URL(path, nodes[nodeIndex]).href;

const streams = new Map(); // gameId -> GameStream of the current view
let starting = null;
let liveNode = null;

function setConnectionStatus(text, state) {
  const node = document.getElementById("connection-status");
  node.textContent = text;
  node.dataset.state = state;
}

// After a reconnect to another node the student sees where the page went, so that a dead node is no mystery.
function showLive() {
  const node = nodes[nodeIndex];
  const moved = liveNode !== null && liveNode !== node;
  liveNode = node;
  setConnectionStatus(moved ? `Live · moved to ${nodeName(node)}` : "Live", "live");
  if (moved) toast(`Your server stopped answering; the game carries on from ${nodeName(node)}.`);
}

function ensureConnected() {
  const state = connection.state;
  if (state === signalR.HubConnectionState.Connected) return Promise.resolve();
  if (starting) return starting;
  // While the client reconnects by itself, a second start() would throw; callers retry instead.
  if (state !== signalR.HubConnectionState.Disconnected) return Promise.reject(new Error("reconnecting"));
  setConnectionStatus("Connecting…", "connecting");
  starting = connection.start()
    .then(showLive)
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

// A command whose reply was lost (the node died, the connection moved, another node wrote at the same moment) is sent
// again with the same commandId until it is answered: the server acknowledges a repeat without applying it twice.
const RETRYABLE_CODES = ["ConnectionError", "ServerError", "Conflict"];
const RETRY_PATIENCE_MS = 60000;
const act = (token, command) => callUntilAnswered("act", { token, commandId: newCommandId(), command });

// Also for a download link asked for just after a node died, while the class's grain is placed again.
async function callUntilAnswered(method, args) {
  const giveUpAt = Date.now() + RETRY_PATIENCE_MS;
  let result;
  for (let attempt = 0; ; attempt++) {
    result = await call(method, args);
    if (result.ok || !RETRYABLE_CODES.includes(result.error?.code) || Date.now() > giveUpAt) return result;
    await new Promise(resolve => setTimeout(resolve, Math.min(4000, 250 * 2 ** attempt)));
  }
}

connection.on("gameEvent", e => streams.get(e?.gameId)?.receive(e));
connection.on("spectators", message => {
  for (const node of document.querySelectorAll(`[data-spectators-of="${CSS.escape(message?.gameId ?? "")}"]`)) {
    node.textContent = spectatorText(message.count);
  }
});

const spectatorText = count => (count === 1 ? "· 1 spectator watching" : `· ${count} spectators watching`);
connection.onreconnecting(() => setConnectionStatus("Reconnecting…", "connecting"));
connection.onreconnected(() => {
  showLive();
  streams.forEach(stream => stream.sync());
});
// The first start failed (the node was down when the page loaded its script): try the next node every few seconds.
connection.onclose(() => {
  setConnectionStatus("Offline – retrying", "offline");
  setTimeout(async function retry() {
    try {
      moveToNextNode();
      await ensureConnected();
      streams.forEach(stream => stream.sync());
    } catch {
      setTimeout(retry, 5000);
    }
  }, 2000);
});

/* ---------- game event stream with exactly-once delivery ---------- */

const withData = e => ({ ...e, data: typeof e.data === "string" ? JSON.parse(e.data || "{}") : (e.data ?? {}) });

// Follows protocol.md "Reconnecting": keep the last applied sequence, ignore repeats,
// and call watch again (afterSequence = last) while a reply says more, on a gap, or after a reconnect.
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
        this.onSummary?.(result.summary, result.scenario, result.spectatorDelaySeconds);
        for (const e of result.events ?? []) this.apply(e);
        // A reply holds one page; keep pushed events back until the last page is in.
        if (result.more) { this.again = true; continue; }
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
    // Events already folded into the summary must not move the clock a second time.
    this.onEvent(withData(e), e.sequence > this.summarySequence);
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

function feedItem(e, names) {
  const item = h("li", { class: `feed-item type-${e.type}`, "data-sequence": e.sequence },
    h("time", { datetime: e.at, text: formatTime(e.at) }),
    h("span", { text: describeEvent(e, names) }));
  if (e.type === "NewsInjected" && e.data.body) item.append(h("p", { class: "news-body", text: e.data.body }));
  return item;
}

function appendFeed(list, e, names) {
  list.prepend(feedItem(e, names));
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
  const views = {
    "/": showLanding, "/instructor": showInstructor, "/join": showJoin, "/play": showPlay, "/watch": showWatch,
    "/debrief": showDebrief, "/compare": showCompare,
  };
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

function showInstructor(app, params) {
  const link = params.get("link");
  if (link) {
    // An instructor link carries the class and its new key; keep them in this browser and drop them from the address.
    try {
      const handed = JSON.parse(link);
      if (typeof handed?.instructorToken === "string" && typeof handed?.classId === "string") store.set("instructor", handed);
    } catch { /* a damaged link: show what this browser already holds */ }
    history.replaceState(null, "", "#/instructor");
  }
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
      spectatorDelaySeconds: readNumber(form, "spectatorDelaySeconds", 0),
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
const debriefLink = gameId => `#/debrief?game=${encodeURIComponent(gameId)}`;
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

  const reveal = field(root, "reveal");
  reveal.addEventListener("change", async () => {
    const result = await call("setRevealPolicy", { token, revealPrivateAfterEnd: reveal.checked });
    if (!result.ok) return showError(errorNode, errorText(result));
    toast(reveal.checked ? "Private channels will be revealed when each game ends." : "Private channels stay private after the games end.");
  });

  async function refresh() {
    const result = await call("getClass", { token });
    if (!result.ok) return showError(errorNode, errorText(result));
    showError(errorNode, "");
    lastClass = result.class;
    reveal.checked = lastClass.revealPrivateAfterEnd;
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
  const debrief = field(node, "debriefLink");
  debrief.href = debriefLink(gameId);
  debrief.dataset.testid = `debrief-link-${gameId}`;
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
      h("button", { type: "button", class: "small", text: "Copy", "aria-label": `Copy join link for ${prettyParty(code.partyId)}`, onclick: () => copyText(url) }),
      h("button", { type: "button", class: "small", text: "QR", testid: `qr-${gameId}-${code.partyId}`, "aria-label": `Show the QR code of the join link for ${prettyParty(code.partyId)}`,
        onclick: () => showQr(url, `${prettyParty(code.partyId)} in ${gameId} · code ${code.code}`) })),
    h("td", { text: seated.join(", ") || "–" }));
}

/** A large QR code of a join link, to project in class or scan from a neighbour's screen. Drawn as SVG squares. */
function showQr(url, caption) {
  const qr = qrcode(0, "M");
  qr.addData(url);
  qr.make();
  const size = qr.getModuleCount();
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `-4 -4 ${size + 8} ${size + 8}`);
  svg.setAttribute("class", "qr");
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `QR code for ${url}`);
  const background = document.createElementNS(svg.namespaceURI, "rect");
  Object.entries({ x: -4, y: -4, width: size + 8, height: size + 8, fill: "#fff" }).forEach(([k, v]) => background.setAttribute(k, v));
  svg.append(background);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.isDark(row, col)) continue;
      const cell = document.createElementNS(svg.namespaceURI, "rect");
      Object.entries({ x: col, y: row, width: 1, height: 1, fill: "#111" }).forEach(([k, v]) => cell.setAttribute(k, v));
      svg.append(cell);
    }
  }
  const dialog = h("dialog", { class: "qr-dialog", testid: "qr-dialog" },
    svg,
    h("p", { text: caption }),
    h("p", { class: "muted small", text: url }),
    h("button", { type: "button", class: "primary", text: "Close", onclick: () => dialog.close() }));
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

/* ---------- charts: inline SVG ---------- */

const SVG_NS = "http://www.w3.org/2000/svg";
const PARTY_COLOURS = { us: "#2563eb", russia: "#dc2626", ukraine: "#ca8a04", eu: "#4f46e5" };
const FALLBACK_COLOURS = ["#0891b2", "#16a34a", "#9333ea", "#db2777", "#ea580c", "#0d9488", "#64748b"];
const COMPACT_WIDTH = 560; // below this a chart is drawn on a smaller canvas so that its text stays legible

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, String(value));
  }
  // Charts build their parts as nested lists (per party, per offer).
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) node.append(child);
  }
  return node;
}

const tooltip = text => svg("title", { text });

const linear = (d0, d1, r0, r1) => value => r0 + ((value - d0) / (d1 - d0 || 1)) * (r1 - r0);

const fixed2 = value => (typeof value === "number" ? value.toFixed(2) : "–");

function partyColours(parties) {
  let spare = 0;
  return new Map(parties.map(p => [p.id, PARTY_COLOURS[p.id] ?? FALLBACK_COLOURS[spare++ % FALLBACK_COLOURS.length]]));
}

const isCompact = node => node.clientWidth > 0 && node.clientWidth < COMPACT_WIDTH;

// Redraws when the container crosses COMPACT_WIDTH (a phone turned sideways), not on every pixel of a resize.
function redrawOnCompactChange(node, redraw) {
  let compact = isCompact(node);
  const listener = () => {
    if (isCompact(node) === compact) return;
    compact = !compact;
    redraw();
  };
  window.addEventListener("resize", listener);
  cleanups.push(() => window.removeEventListener("resize", listener));
}

function chartRoot(width, height, label, ...children) {
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-label": label }, ...children);
}

function horizontalGrid(box, y, ticks) {
  return ticks.map(t => svg("g", {},
    svg("line", { class: "grid", x1: box.left, x2: box.right, y1: y(t), y2: y(t) }),
    svg("text", { class: "tick-label", x: box.left - 6, y: y(t), dy: "0.35em", "text-anchor": "end", text: t })));
}

function verticalGrid(box, x, ticks) {
  return ticks.map(t => svg("g", {},
    svg("line", { class: "grid", x1: x(t), x2: x(t), y1: box.top, y2: box.bottom }),
    svg("text", { class: "tick-label", x: x(t), y: box.bottom + 16, "text-anchor": "middle", text: t })));
}

function axisTitles(box, xTitle, yTitle) {
  const middleY = (box.top + box.bottom) / 2;
  return [
    xTitle && svg("text", { class: "axis-title", x: (box.left + box.right) / 2, y: box.bottom + 34, "text-anchor": "middle", text: xTitle }),
    yTitle && svg("text", { class: "axis-title", x: 12, y: middleY, "text-anchor": "middle", transform: `rotate(-90 12 ${middleY})`, text: yTitle }),
  ];
}

function dashedLine(x1, y1, x2, y2, colour, title) {
  return svg("line", { x1, y1, x2, y2, stroke: colour, "stroke-width": 1.5, "stroke-dasharray": "6 4" }, tooltip(title));
}

function legendItem(colour, text, kind = "line") {
  const swatch = h("span", { class: `swatch swatch-${kind}`, "aria-hidden": "true" });
  swatch.style.setProperty("--swatch", colour);
  return h("li", {}, swatch, text);
}

const partyLegend = (parties, colours) => parties.map(p => legendItem(colours.get(p.id), p.name));

/* ---------- instructor: debrief of one game ---------- */

function savedInstructor(errorNode) {
  const saved = store.get("instructor");
  if (saved?.instructorToken) return saved;
  showError(errorNode, "Open this page in the browser that created the class: only it holds the instructor key.");
  return null;
}

/** Downloads ask the server for a short-lived link at the moment of the click: the instructor key never sits in a URL. */
function exportLinks(root, saved, gameId) {
  const wire = (node, request, filename) => {
    if (!node) return;
    Object.assign(node, { href: "#", download: filename });
    node.addEventListener("click", async event => {
      event.preventDefault();
      const result = await callUntilAnswered("createDownloadLink", { token: saved.instructorToken, ...request });
      if (!result.ok) return showError(field(root, "error"), errorText(result));
      const link = h("a", { href: currentNodeUrl(result.url), download: filename });
      document.body.append(link);
      link.click();
      link.remove();
    });
  };
  wire(field(root, "exportCsv"), {}, `${saved.classId}-summary.csv`);
  if (gameId) wire(field(root, "exportJsonl"), { gameId }, `${gameId}.jsonl`);
}

const debriefError = result => (result.error?.code === "GameNotFound"
  ? "This game has not started yet: its debrief opens once the class has started."
  : errorText(result));

const hideLoading = root => { field(root, "loading").hidden = true; };

function showDebrief(app, params) {
  const root = fromTemplate("tpl-debrief");
  const gameId = params.get("game") ?? "";
  const errorNode = field(root, "error");
  field(root, "gameId").textContent = gameId;
  root.querySelector("[data-action=reload]").addEventListener("click", route);
  app.append(root);
  const saved = savedInstructor(errorNode);
  if (!saved) return hideLoading(root);
  if (!gameId) { hideLoading(root); return showError(errorNode, "This debrief link names no game."); }
  exportLinks(root, saved, gameId);
  loadDebrief(root, saved.instructorToken, gameId);
}

async function loadDebrief(root, token, gameId) {
  const result = await call("getDebrief", { token, gameId });
  if (!document.contains(root)) return;
  hideLoading(root);
  if (!result.ok) return showError(field(root, "error"), debriefError(result));
  const scenario = result.scenario;
  const ctx = {
    debrief: result, scenario, names: scenarioNames(scenario), colours: partyColours(scenario.parties),
    reservations: result.reservations ?? {}, offers: result.offers ?? [], events: (result.events ?? []).map(withData),
  };
  field(root, "scenarioTitle").textContent = scenario.title;
  field(root, "content").hidden = false;
  renderOutcome(field(root, "outcome"), ctx);
  const drawDance = () => field(root, "dance").replaceChildren(danceChartOrNote(ctx, isCompact(field(root, "dance"))));
  field(root, "danceLegend").replaceChildren(...partyLegend(scenario.parties, ctx.colours),
    legendItem("#5d6677", "reservation value", "dashed"));
  drawDance();
  const drawPareto = buildPareto(root, ctx);
  redrawOnCompactChange(field(root, "dance"), () => { drawDance(); drawPareto(); });
  buildTimeline(root, ctx);
}

/* outcome card */

function fact(label, value, testid) {
  return h("div", {}, h("dt", { text: label }), h("dd", { text: value, testid }));
}

// The debrief names the end reason in PascalCase ("AllIssuesBound"); the event log's sentences use camelCase.
function endedText(ended) {
  if (!ended) return "not yet: the game is still running";
  const key = ended.charAt(0).toLowerCase() + ended.slice(1);
  return END_REASONS[key] ?? prettify(ended);
}

function bindingTerms(binding, scenario, names) {
  const order = scenario.issues.map(issue => issue.id);
  return Object.entries(binding ?? {})
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([issue, option]) => `${names.issue(issue)} → ${names.option(issue, option)}`);
}

function renderOutcome(node, ctx) {
  const { debrief, scenario, names } = ctx;
  const outcome = debrief.outcome ?? {};
  const terms = bindingTerms(outcome.binding, scenario, names);
  node.replaceChildren(
    h("h2", { id: "outcome-title", text: "Outcome" }),
    h("dl", { class: "facts" },
      fact("How it ended", endedText(outcome.ended), "outcome-ended"),
      fact("Welfare", points(outcome.welfare), "outcome-welfare"),
      fact("Pareto-optimal", outcome.paretoOptimal ? "yes" : "no", "outcome-pareto"),
      fact("Distance to frontier", fixed2(outcome.distanceToFrontier), "outcome-frontier-distance"),
      fact("Distance to Nash", fixed2(outcome.distanceToNash), "outcome-nash-distance")),
    h("h3", { text: `Binding agreement (${terms.length} of ${scenario.issues.length} issues)` }),
    terms.length
      ? h("ul", { class: "terms", testid: "outcome-binding" }, ...terms.map(text => h("li", { text })))
      : h("p", { class: "muted", testid: "outcome-binding", text: "No deal: every issue stays at its no-deal option." }),
    h("div", { class: "table-scroll" }, scoreTable(ctx)));
}

function scoreTable(ctx) {
  const { scenario, debrief, reservations } = ctx;
  const scores = debrief.outcome?.scores ?? {};
  const rows = scenario.parties.map(p => {
    const score = scores[p.id];
    const reservation = reservations[p.id];
    const margin = typeof score === "number" && typeof reservation === "number" ? score - reservation : null;
    return h("tr", { testid: `outcome-party-${p.id}` },
      h("th", { scope: "row", class: `party-tag party-${p.id}`, text: p.name }),
      h("td", { class: "num", text: points(score) }),
      h("td", { class: "num", text: points(reservation) }),
      h("td", { class: `num ${margin < 0 ? "below" : "above"}`, text: margin == null ? "–" : `${margin >= 0 ? "+" : "−"}${Math.abs(margin).toFixed(1)}` }));
  });
  return h("table", { testid: "outcome-scores" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Party" }),
      ...["Score", "Reservation", "Margin"].map(text => h("th", { scope: "col", class: "num", text })))),
    h("tbody", {}, ...rows));
}

/* the negotiation dance */

function danceChartOrNote(ctx, compact) {
  return ctx.offers.length ? danceChart(ctx, compact) : h("p", { class: "muted", text: "No offer was tabled in this game." });
}

function danceChart(ctx, compact) {
  const { offers, scenario, colours, names, reservations } = ctx;
  const width = compact ? 420 : 960;
  const height = compact ? 300 : 380;
  const box = { left: 40, right: width - 12, top: 12, bottom: height - 44 };
  const n = offers.length;
  const inset = 10;
  const x = n === 1 ? () => (box.left + box.right) / 2 : linear(0, n - 1, box.left + inset, box.right - inset);
  const y = linear(0, 100, box.bottom, box.top);
  // Label only every k-th offer so that the labels never overlap.
  const every = Math.ceil(n / Math.max(1, Math.floor((box.right - box.left) / 34)));
  const xLabels = offers.map((o, i) => (i % every === 0
    ? svg("text", { class: "tick-label", x: x(i), y: box.bottom + 16, "text-anchor": "middle", text: `#${o.offerId}` })
    : null));
  const parties = scenario.parties;
  return chartRoot(width, height, `Utilities of the ${n} offers for every party`,
    horizontalGrid(box, y, [0, 25, 50, 75, 100]),
    xLabels,
    axisTitles(box, "Offers in the order tabled", "Utility"),
    parties.filter(p => typeof reservations[p.id] === "number").map(p =>
      dashedLine(box.left, y(reservations[p.id]), box.right, y(reservations[p.id]), colours.get(p.id), `${p.name}: reservation value ${points(reservations[p.id])}`)),
    parties.map(p => svg("polyline", {
      fill: "none", stroke: colours.get(p.id), "stroke-width": 2, "stroke-linejoin": "round",
      points: offers.map((o, i) => `${x(i)},${y(o.utilities?.[p.id] ?? 0)}`).join(" "),
    }, tooltip(p.name))),
    parties.map(p => offers.map((o, i) => svg("circle", {
      class: "point", cx: x(i), cy: y(o.utilities?.[p.id] ?? 0), r: 4,
      fill: colours.get(o.proposer), stroke: colours.get(p.id), "stroke-width": 1.5,
    }, tooltip(`Offer #${o.offerId} by ${names.party(o.proposer)} · round ${o.round} · ${o.status}\n${p.name}: ${points(o.utilities?.[p.id])}`)))));
}

/* the Pareto frontier, projected onto two parties */

function buildPareto(root, ctx) {
  const { parties } = ctx.scenario;
  const xSelect = field(root, "paretoX");
  const ySelect = field(root, "paretoY");
  for (const select of [xSelect, ySelect]) select.replaceChildren(...parties.map(p => h("option", { value: p.id, text: p.name })));
  xSelect.value = parties[0].id;
  ySelect.value = (parties[1] ?? parties[0]).id;
  field(root, "paretoCaption").textContent = `Grey dots: the Pareto frontier of all ${parties.length} parties, shown projected onto the two chosen, `
    + "so a dot inside the cloud can still be optimal once the other parties count. Dashed lines: the two reservation values.";
  field(root, "paretoLegend").replaceChildren(
    ...parties.map(p => legendItem(ctx.colours.get(p.id), `offer by ${p.name}`, "dot")),
    legendItem("#b6bcc8", "frontier", "dot"));
  const draw = () => {
    const node = field(root, "pareto");
    node.replaceChildren(paretoChart(ctx, xSelect.value, ySelect.value, isCompact(node)));
  };
  xSelect.addEventListener("change", draw);
  ySelect.addEventListener("change", draw);
  draw();
  return draw;
}

// Thousands of frontier points collapse onto far fewer distinct dots once projected; drawing each once keeps the SVG light.
function projectedFrontier(frontier, xp, yp) {
  const seen = new Map();
  for (const point of frontier) {
    const key = `${Math.round(point[xp] * 2)}:${Math.round(point[yp] * 2)}`;
    if (!seen.has(key)) seen.set(key, point);
  }
  return [...seen.values()];
}

const LABEL_HEIGHT = 13;

// The box a label covers, with its width estimated from its length (SVG text cannot be measured before it is shown).
function labelBox({ x, y, anchor, text }) {
  const width = text.length * 7.5;
  const left = anchor === "end" ? x - width : x;
  return { left, right: left + width, top: y - LABEL_HEIGHT + 2, bottom: y + 2 };
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

// Points such as Nash, KS and the outcome often coincide: each label takes the first corner around its point that
// stays clear of the labels already placed, and only when all four are taken moves further down.
function placeLabels(marks, box) {
  const placed = [];
  for (const { x, y, text, gap } of marks) {
    const corners = [[-1, -1], [1, -1], [-1, 1], [1, 1]].map(([dx, dy]) => ({
      x: x + dx * gap, y: dy < 0 ? y - gap : y + gap + LABEL_HEIGHT - 4, anchor: dx < 0 ? "end" : "start", text,
    }));
    const inside = corners.filter(l => { const b = labelBox(l); return b.left >= 0 && b.right <= box.width && b.top >= 0; });
    const free = inside.find(l => !placed.some(other => overlaps(labelBox(l), labelBox(other))));
    const label = free ?? { ...(inside[0] ?? corners[0]) };
    while (!free && placed.some(other => overlaps(labelBox(label), labelBox(other)))) label.y += LABEL_HEIGHT;
    placed.push(label);
  }
  return placed;
}

function paretoChart(ctx, xp, yp, compact) {
  const { debrief, names, colours } = ctx;
  const size = compact ? 360 : 480;
  const box = { left: 50, right: size - 16, top: 16, bottom: size - 44 };
  const x = linear(0, 100, box.left, box.right);
  const y = linear(0, 100, box.bottom, box.top);
  const at = utilities => [x(utilities[xp] ?? 0), y(utilities[yp] ?? 0)];
  const ticks = [0, 20, 40, 60, 80, 100];
  const specials = [
    { point: debrief.nash, text: "Nash", shape: "diamond" },
    { point: debrief.kalaiSmorodinsky, text: "KS", shape: "triangle" },
    { point: debrief.maxWelfare, text: "Max welfare", shape: "square" },
  ].filter(s => s.point?.utilities);
  const outcome = debrief.outcome?.utilities;
  const mark = ([x, y], text, gap) => ({ x, y, text, gap });
  const labels = placeLabels([
    outcome && mark(at(outcome), "Outcome", 11),
    ...specials.map(s => mark(at(s.point.utilities), s.text, 7)),
  ].filter(Boolean), { width: size });

  return chartRoot(size, size, `Pareto frontier for ${names.party(xp)} and ${names.party(yp)}`,
    horizontalGrid(box, y, ticks),
    verticalGrid(box, x, ticks),
    axisTitles(box, `${names.party(xp)} utility`, `${names.party(yp)} utility`),
    projectedFrontier(debrief.frontier ?? [], xp, yp).map(point => {
      const [cx, cy] = at(point);
      return svg("circle", { class: "frontier", cx, cy, r: 1.8 });
    }),
    reservationLines(box, x, y, ctx, xp, yp),
    ctx.offers.map(o => {
      const [cx, cy] = at(o.utilities ?? {});
      return svg("circle", { cx, cy, r: 5, fill: colours.get(o.proposer), stroke: "#fff", "stroke-width": 1, class: "point" },
        tooltip(`Offer #${o.offerId} by ${names.party(o.proposer)} · ${o.status}\n${names.party(xp)} ${points(o.utilities?.[xp])}, ${names.party(yp)} ${points(o.utilities?.[yp])}`));
    }),
    specials.map(s => specialMarker(at(s.point.utilities), s, names, xp, yp)),
    outcome && svg("circle", { class: "outcome-ring", cx: at(outcome)[0], cy: at(outcome)[1], r: 10, fill: "none", stroke: "#111827", "stroke-width": 2.5 },
      tooltip(`Outcome: ${names.party(xp)} ${points(outcome[xp])}, ${names.party(yp)} ${points(outcome[yp])}`)),
    labels.map(l => svg("text", { class: "marker-label", x: l.x, y: l.y, "text-anchor": l.anchor, text: l.text })));
}

function reservationLines(box, x, y, ctx, xp, yp) {
  const { reservations, colours, names } = ctx;
  return [
    typeof reservations[xp] === "number" && dashedLine(x(reservations[xp]), box.top, x(reservations[xp]), box.bottom, colours.get(xp),
      `${names.party(xp)}: reservation value ${points(reservations[xp])}`),
    typeof reservations[yp] === "number" && dashedLine(box.left, y(reservations[yp]), box.right, y(reservations[yp]), colours.get(yp),
      `${names.party(yp)}: reservation value ${points(reservations[yp])}`),
  ];
}

function specialMarker([cx, cy], special, names, xp, yp) {
  const r = 6;
  const shapes = {
    diamond: `${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`,
    triangle: `${cx},${cy - r} ${cx + r},${cy + r * 0.8} ${cx - r},${cy + r * 0.8}`,
    square: `${cx - r * 0.8},${cy - r * 0.8} ${cx + r * 0.8},${cy - r * 0.8} ${cx + r * 0.8},${cy + r * 0.8} ${cx - r * 0.8},${cy + r * 0.8}`,
  };
  const u = special.point.utilities;
  return svg("polygon", { class: "special", points: shapes[special.shape], fill: "#111827", stroke: "#fff", "stroke-width": 1 },
    tooltip(`${special.text}: ${names.party(xp)} ${points(u[xp])}, ${names.party(yp)} ${points(u[yp])}`));
}

/* timeline scrubber */

function roundsByEvent(events) {
  let round = 0;
  return events.map(e => {
    if (e.type === "NegotiationStarted") round = 1;
    else if (e.type === "RoundAdvanced") round = e.data.round;
    return round;
  });
}

const clockTime = iso => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
};

function buildTimeline(root, ctx) {
  const { events, names } = ctx;
  const range = field(root, "scrubber");
  const feed = field(root, "timelineFeed");
  const label = field(root, "timelineLabel");
  const back = root.querySelector("[data-action=step-back]");
  const forward = root.querySelector("[data-action=step-forward]");
  if (!events.length) {
    label.textContent = "No events yet.";
    [range, back, forward].forEach(control => { control.disabled = true; });
    return;
  }
  const rounds = roundsByEvent(events);
  const items = events.map(e => feedItem(e, names));
  const last = events.length - 1;

  // The feed grows and shrinks at its end, so scrubbing through a long log never rebuilds it.
  function show(index) {
    while (feed.children.length > index + 1) feed.lastElementChild.remove();
    while (feed.children.length < index + 1) feed.append(items[feed.children.length]);
    feed.querySelector(".current")?.classList.remove("current");
    items[index].classList.add("current");
    range.value = index;
    const round = rounds[index] ? `round ${rounds[index]}` : "before round 1";
    label.textContent = `event ${index + 1} of ${events.length} · ${round} · ${clockTime(events[index].at)}`;
    back.disabled = index === 0;
    forward.disabled = index === last;
    feed.scrollTop = feed.scrollHeight;
  }

  range.max = last;
  range.addEventListener("input", () => show(Number(range.value)));
  back.addEventListener("click", () => show(Math.max(0, Number(range.value) - 1)));
  forward.addEventListener("click", () => show(Math.min(last, Number(range.value) + 1)));
  show(last);
}

/* ---------- instructor: compare the games of a class ---------- */

function showCompare(app) {
  const root = fromTemplate("tpl-compare");
  const errorNode = field(root, "error");
  app.append(root);
  const saved = savedInstructor(errorNode);
  if (!saved) return hideLoading(root);
  field(root, "title").textContent = saved.title ?? "";
  exportLinks(root, saved, null);
  loadComparison(root, saved.instructorToken);
}

async function loadComparison(root, token) {
  const errorNode = field(root, "error");
  const result = await call("getClass", { token });
  if (!document.contains(root)) return;
  if (!result.ok) { hideLoading(root); return showError(errorNode, errorText(result)); }
  const { gameIds } = result.class;
  const debriefs = await Promise.all(gameIds.map(gameId => call("getDebrief", { token, gameId })));
  if (!document.contains(root)) return;
  hideLoading(root);
  field(root, "title").textContent = result.class.title;
  const scenario = debriefs.find(d => d.ok)?.scenario ?? result.scenario;
  if (!scenario || !debriefs.some(d => d.ok)) return showError(errorNode, "No game has started yet: start the class, then compare its games.");
  const games = gameIds.map((gameId, i) => ({ gameId, summary: (result.games ?? []).find(g => g.gameId === gameId), debrief: debriefs[i] }));
  const colours = partyColours(scenario.parties);
  field(root, "content").hidden = false;
  renderCompareTable(root, scenario, games);
  field(root, "compareLegend").replaceChildren(...partyLegend(scenario.parties, colours), legendItem("#111827", "max welfare", "dashed"));
  const chart = field(root, "compareChart");
  const draw = () => chart.replaceChildren(compareChart(result.class.classId, scenario, games, colours, isCompact(chart)));
  draw();
  redrawOnCompactChange(chart, draw);
}

function renderCompareTable(root, scenario, games) {
  const names = scenarioNames(scenario);
  const numeric = ["Agreement", ...scenario.parties.map(p => p.name), "Welfare"];
  const headings = ["Game", "How it ended", ...numeric, "Pareto-optimal", "To frontier", "To Nash"];
  const isNumeric = text => numeric.includes(text) || text.startsWith("To ");
  field(root, "compareHead").replaceChildren(...headings.map(text => h("th", { scope: "col", class: isNumeric(text) ? "num" : null, text })));
  field(root, "compareBody").replaceChildren(...games.map(game => compareRow(game, scenario, names, headings.length)));
}

function compareRow({ gameId, summary, debrief }, scenario, names, columns) {
  const gameCell = h("th", { scope: "row", class: "nowrap" }, h("a", { href: debriefLink(gameId), text: gameId }));
  if (!debrief.ok) {
    return h("tr", { testid: `compare-${gameId}` }, gameCell, h("td", { colSpan: columns - 1, class: "muted", text: debriefError(debrief) }));
  }
  const outcome = debrief.outcome ?? {};
  const ended = outcome.ended ? endedText(outcome.ended) : `running${summary?.round ? ` · round ${summary.round}` : ""}`;
  const size = Object.keys(outcome.binding ?? {}).length;
  return h("tr", { testid: `compare-${gameId}` },
    gameCell,
    h("td", { text: ended }),
    h("td", { class: "num", text: size ? `${size} of ${scenario.issues.length}` : "no deal", title: describePackage(outcome.binding, names) }),
    ...scenario.parties.map(p => h("td", { class: "num", text: points(outcome.scores?.[p.id]) })),
    h("td", { class: "num", text: points(outcome.welfare) }),
    h("td", { text: outcome.paretoOptimal ? "yes" : "no" }),
    h("td", { class: "num", text: fixed2(outcome.distanceToFrontier) }),
    h("td", { class: "num", text: fixed2(outcome.distanceToNash) }));
}

const welfareOf = point => (point?.utilities ? Object.values(point.utilities).reduce((sum, u) => sum + u, 0) : null);

// A game id reads "<classId>-01"; under a bar the suffix is enough.
const shortGameId = (classId, gameId) => (gameId.startsWith(`${classId}-`) ? gameId.slice(classId.length + 1) : gameId);

function compareChart(classId, scenario, games, colours, compact) {
  const played = games.filter(g => g.debrief.ok);
  const maxWelfare = welfareOf(played.find(g => g.debrief.maxWelfare)?.debrief.maxWelfare);
  const top = Math.ceil(Math.max(100, maxWelfare ?? 0, ...played.map(g => g.debrief.outcome?.welfare ?? 0)) / 50) * 50;
  const width = compact ? 380 : 960;
  const height = compact ? 260 : 320;
  const box = { left: 48, right: width - 12, top: 18, bottom: height - 44 };
  const y = linear(0, top, box.bottom, box.top);
  const slot = (box.right - box.left) / played.length;
  const barWidth = Math.min(56, slot * 0.6);
  const bars = played.map((game, i) => welfareBar(game, scenario, colours, {
    x: box.left + slot * i + (slot - barWidth) / 2, width: barWidth, y, bottom: box.bottom, label: shortGameId(classId, game.gameId),
  }));
  return chartRoot(width, height, "Welfare of every game, split by party",
    horizontalGrid(box, y, [0, 1, 2, 3, 4].map(k => (top * k) / 4)),
    axisTitles(box, "Game", "Welfare"),
    bars,
    maxWelfare != null && [
      svg("line", { x1: box.left, x2: box.right, y1: y(maxWelfare), y2: y(maxWelfare), stroke: "#111827", "stroke-width": 1.5, "stroke-dasharray": "6 4" },
        tooltip(`Max welfare ${points(maxWelfare)}`)),
      svg("text", { class: "marker-label", x: box.right, y: y(maxWelfare) - 5, "text-anchor": "end", text: `max welfare ${points(maxWelfare)}` }),
    ]);
}

function welfareBar(game, scenario, colours, bar) {
  const scores = game.debrief.outcome?.scores ?? {};
  let base = 0;
  const segments = scenario.parties.map(p => {
    const value = Math.max(0, scores[p.id] ?? 0);
    const segment = svg("rect", { x: bar.x, width: bar.width, y: bar.y(base + value), height: bar.y(base) - bar.y(base + value), fill: colours.get(p.id) },
      tooltip(`${game.gameId} · ${p.name}: ${points(scores[p.id])}`));
    base += value;
    return segment;
  });
  const centre = bar.x + bar.width / 2;
  return svg("g", { "data-game": game.gameId },
    segments,
    svg("text", { class: "value-label", x: centre, y: bar.y(base) - 5, "text-anchor": "middle", text: points(game.debrief.outcome?.welfare) }),
    svg("text", { class: "tick-label", x: centre, y: bar.bottom + 16, "text-anchor": "middle", text: bar.label }));
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
  renderBoard(ctx);
}

/** Every settled issue: binding or provisional, who signed, and who still must sign before it binds. */
function renderBoard(ctx) {
  const { root, view, names } = ctx;
  const rows = (view.settlements ?? []).map(s => h("tr", { class: s.binding ? "binding" : "provisional", testid: `board-${s.issueId}` },
    h("th", { scope: "row", text: names.issue(s.issueId) }),
    h("td", { text: names.option(s.issueId, s.optionId) }),
    h("td", { text: s.binding ? "binding" : "provisional" }),
    h("td", { text: `#${s.agreementId} · ${listJoin(s.signatories.map(names.party))}` }),
    h("td", { text: s.stillMustSign.length ? listJoin(s.stillMustSign.map(names.party)) : "–" })));
  field(root, "board").replaceChildren(...(rows.length ? rows
    : [h("tr", {}, h("td", { colSpan: 5, class: "muted", text: "Nothing is agreed yet: every issue is at its no-deal option." }))]));
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
  field(root, "spectators").dataset.spectatorsOf = gameId;
  renderClock(field(root, "clock"), clock);
  watchGame(gameId, token, {
    onSummary: (summary, scenario, delaySeconds) => {
      showError(errorNode, "");
      if (summary) field(root, "spectators").textContent = spectatorText(summary.spectators ?? 0);
      if (delaySeconds > 0) field(root, "delay").textContent = `The public table, ${delaySeconds} s behind the live game.`;
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
