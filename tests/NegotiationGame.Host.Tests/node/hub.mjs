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
