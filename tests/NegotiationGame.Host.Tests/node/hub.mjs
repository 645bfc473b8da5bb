// The hub as the browser scripts set up their classes: the official SignalR client, and a call that throws on a refusal.
import * as signalR from "@microsoft/signalr";

export async function connectHub(base) {
  const hub = new signalR.HubConnectionBuilder().withUrl(`${base}/hubs/game`).configureLogging(signalR.LogLevel.Warning).build();
  await hub.start();
  const call = async (method, request) => {
    const result = await hub.invoke(method, request);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result;
  };
  return { hub, call };
}

/** Opens the instructor's class page of a class created over the hub, with its link, so that the page holds the key. */
export async function openAsInstructor(page, base, created, title) {
  const handed = { classId: created.classId, instructorToken: created.instructorToken, gameIds: created.gameIds, lobbyCode: created.lobbyCode,
    joinCodes: created.joinCodes, spectatorTokens: created.spectatorTokens, title };
  await page.goto(`${base}/#/instructor?link=${encodeURIComponent(JSON.stringify(handed))}`);
  await page.getByTestId(`game-${created.gameIds[0]}`).waitFor();
}
