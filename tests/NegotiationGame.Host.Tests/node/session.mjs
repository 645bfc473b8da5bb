// What the hub-driven browser scripts share: a hub connection whose calls throw on a refusal (the class is set up over
// docs/protocol.md), and a way to open each actor's page in a context of its own that records the page's errors.
import * as signalR from "@microsoft/signalr";

/** @returns {Promise<{ call: (method: string, request: object) => Promise<any>, stop: () => Promise<void> }>} */
export async function connectHub(base) {
  const hub = new signalR.HubConnectionBuilder().withUrl(`${base}/hubs/game`).configureLogging(signalR.LogLevel.Warning).build();
  await hub.start();
  const call = async (method, request) => {
    const result = await hub.invoke(method, request);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result;
  };
  return { call, stop: () => hub.stop() };
}

/** Opens a page per actor; an uncaught error on any of them joins the failures. */
export const pageOpener = (browser, failures, timeoutMs = 15000) => async (name, viewport) => {
  const page = await (await browser.newContext({ viewport })).newPage();
  page.on("pageerror", (error) => failures.push(`${name}: ${error.message}`));
  page.setDefaultTimeout(timeoutMs);
  return page;
};
