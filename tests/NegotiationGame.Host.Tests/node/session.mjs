// What the hub-driven browser scripts share: a hub connection whose calls throw on a refusal (the class is set up over
// docs/protocol.md), and a way to open each actor's page in a context of its own that records the page's errors.
import * as signalR from "@microsoft/signalr";
import { openPage } from "./headless.mjs";

/** @returns {Promise<{ call: (method: string, request: object) => Promise<any>, invoke: (method: string, request: object) => Promise<any>, stop: () => Promise<void> }>} */
export async function connectHub(base) {
  const hub = new signalR.HubConnectionBuilder().withUrl(`${base}/hubs/game`).configureLogging(signalR.LogLevel.Warning).build();
  await hub.start();
  const call = async (method, request) => {
    const result = await hub.invoke(method, request);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result;
  };
  return { call, invoke: (method, request) => hub.invoke(method, request), stop: () => hub.stop() };
}

/** Opens a page per actor; an uncaught error on any of them joins the failures. */
export const pageOpener = (browser, failures) => (name, viewport) => openPage(browser, failures, name, viewport);

/** Opens the instructor's class page of a class created over the hub, with its link, so that the page holds the key. */
export async function openAsInstructor(page, base, created, title) {
  const handed = { classId: created.classId, instructorToken: created.instructorToken, gameIds: created.gameIds, lobbyCode: created.lobbyCode,
    joinCodes: created.joinCodes, spectatorTokens: created.spectatorTokens, title };
  await page.goto(`${base}/#/instructor?link=${encodeURIComponent(JSON.stringify(handed))}`);
  await page.getByTestId(`game-${created.gameIds[0]}`).waitFor();
}
