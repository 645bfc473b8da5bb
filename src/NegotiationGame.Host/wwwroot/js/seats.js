// @ts-check
// The seats this browser holds: the secret of each class's seat (so that a reopened join link gets the seat back at
// once), the request a student on a new device waits on, and the seat the player console shows (store "player").

import { call } from "./net/connection.js";
import { store } from "./store.js";

/** @import { HubReply, PendingSeatRequest, Seat, SeatKey } from "./types.js" */

const keyName = classId => `seat:${classId}`;
const requestName = classId => `seat-request:${classId}`;

/** @type {(classId: string) => SeatKey | null} */
export const seatKeyOf = classId => {
  const key = store.get(keyName(classId));
  return typeof key?.seatId === "string" && typeof key?.seatSecret === "string" ? key : null;
};

/** @type {(classId: string) => PendingSeatRequest | null} */
export const pendingRequestOf = classId => {
  const request = store.get(requestName(classId));
  return typeof request?.requestId === "string" && typeof request?.requestSecret === "string" ? request : null;
};

/**
 * Keeps what a seat reply (joinClass, rejoinClass, an approved collectSeat) gives and makes it the console's seat.
 * @param {string} classId
 * @param {HubReply} reply
 * @param {string} name
 * @returns {Seat}
 */
export function takeSeat(classId, reply, name) {
  // rejoinClass hands back no new secret: the one this browser holds stays valid.
  const seatSecret = reply.seatSecret ?? seatKeyOf(classId)?.seatSecret;
  if (seatSecret) store.set(keyName(classId), { seatId: reply.seatId, seatSecret, name });
  store.remove(requestName(classId));
  /** @type {Seat} */
  const seat = { token: reply.token, gameId: reply.gameId, partyId: reply.partyId, seatId: reply.seatId, name, classId };
  store.set("player", seat);
  return seat;
}

/**
 * Asks for this browser's seat of the class with its secret.
 * @param {string} classId
 * @returns {Promise<{ seat: Seat | null, reply: HubReply | null }>} reply is null when the browser holds no seat there
 */
export async function rejoin(classId) {
  const key = seatKeyOf(classId);
  if (!key) return { seat: null, reply: null };
  const reply = await call("rejoinClass", { classId, seatId: key.seatId, seatSecret: key.seatSecret });
  if (reply.ok) return { seat: takeSeat(classId, reply, key.name), reply };
  // Only a refusal of the secret itself means the seat is gone; a lost connection must not make the browser forget it.
  if (reply.error?.code === "UnknownSeat") forgetSeat(classId);
  return { seat: null, reply };
}

/**
 * The console's seat after its token stopped counting (the instructor moved it, or a bot took the role): the seat as
 * it is now, or null when this browser holds it no longer.
 * @param {Seat} seat
 * @returns {Promise<Seat | null>}
 */
export async function refreshSeat(seat) {
  if (!seat.classId) return null;
  const { seat: now } = await rejoin(seat.classId);
  return now && now.token !== seat.token ? now : null;
}

/**
 * Asks the instructor for a seat and remembers the request, so that a reload keeps waiting on the same one.
 * @param {string} classId
 * @param {string} code
 * @param {string} name
 */
export async function askForSeat(classId, code, name) {
  const reply = await call("askForSeat", { classId, code, name });
  if (reply.ok) store.set(requestName(classId), { requestId: reply.requestId, requestSecret: reply.requestSecret, name, code });
  return reply;
}

/**
 * The instructor's answer so far: "pending", "denied" (the request is then forgotten) or "approved" with the seat taken.
 * @param {string} classId
 * @param {PendingSeatRequest} request
 * @returns {Promise<{ status: "pending" | "denied" | "approved" | "failed", seat?: Seat, reply: HubReply }>}
 */
export async function collectSeat(classId, request) {
  const reply = await call("collectSeat", { classId, requestId: request.requestId, requestSecret: request.requestSecret });
  if (!reply.ok) {
    if (reply.error?.code === "UnknownSeat") store.remove(requestName(classId));
    return { status: "failed", reply };
  }
  if (reply.status === "approved") return { status: "approved", seat: takeSeat(classId, reply, request.name), reply };
  if (reply.status === "denied") store.remove(requestName(classId));
  return { status: reply.status === "denied" ? "denied" : "pending", reply };
}

export const withdrawRequest = classId => store.remove(requestName(classId));

/** Forgets the class's seat in this browser (signing out on a shared computer): coming back then needs the instructor. */
export function forgetSeat(classId) {
  store.remove(keyName(classId));
  if (store.get("player")?.classId === classId) store.remove("player");
}
