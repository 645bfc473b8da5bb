// @ts-check
// The one SignalR connection of the page: which node it talks to, how it reconnects, and how commands are sent.
// The SignalR client is the bundled /lib/signalr.min.js, loaded by index.html as a classic script (global signalR).

import { toast } from "../ui/dom.js";
import { newCommandId } from "./command-id.js";

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
export const currentNodeUrl = path => new URL(path, nodes[nodeIndex]).href;

let starting = null;
let liveNode = null;
const resyncListeners = [];

/** Calls listener after every reconnect, when whatever the page follows must catch up on what it missed. */
export const onResync = listener => { resyncListeners.push(listener); };
const resync = () => resyncListeners.forEach(listener => listener());

/** Handles a message the server pushes (docs/protocol.md "Server to client"). */
export const onHubMessage = (name, handler) => connection.on(name, handler);

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

export function ensureConnected() {
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

/** @import { HubReply } from "../types.js" */

/**
 * Calls a hub method; a connection failure comes back as a reply with the code ConnectionError, never as a throw.
 * @param {string} method
 * @param {object} args
 * @returns {Promise<HubReply>}
 */
export async function call(method, args) {
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
/** @type {(token: string, command: { type: string } & Record<string, any>) => Promise<HubReply>} */
export const act = (token, command) => callUntilAnswered("act", { token, commandId: newCommandId(), command });

// Also for a download link asked for just after a node died, while the class's grain is placed again.
/**
 * @param {string} method
 * @param {object} args
 * @returns {Promise<HubReply>}
 */
export async function callUntilAnswered(method, args) {
  const giveUpAt = Date.now() + RETRY_PATIENCE_MS;
  let result;
  for (let attempt = 0; ; attempt++) {
    result = await call(method, args);
    if (result.ok || !RETRYABLE_CODES.includes(result.error?.code) || Date.now() > giveUpAt) return result;
    await new Promise(resolve => setTimeout(resolve, Math.min(4000, 250 * 2 ** attempt)));
  }
}

connection.onreconnecting(() => setConnectionStatus("Reconnecting…", "connecting"));
connection.onreconnected(() => {
  showLive();
  resync();
});
// The first start failed (the node was down when the page loaded its script): try the next node every few seconds.
connection.onclose(() => {
  setConnectionStatus("Offline – retrying", "offline");
  setTimeout(async function retry() {
    try {
      moveToNextNode();
      await ensureConnected();
      resync();
    } catch {
      setTimeout(retry, 5000);
    }
  }, 2000);
});
