// Plays a short game against a running server, using only what docs/protocol.md says.
// Usage: node play.mjs http://127.0.0.1:PORT   — prints one line per step, exits non-zero on any failure.
import * as signalR from "@microsoft/signalr";

const base = process.argv[2];
if (!base) {
  console.error("usage: node play.mjs <server url>");
  process.exit(2);
}

const connect = async () => {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/game`)
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  await connection.start();
  return connection;
};

const call = async (connection, method, request) => {
  const result = await connection.invoke(method, request);
  if (!result.ok) {
    throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  }
  return result;
};

const waitFor = (connection, type, matches = () => true, timeoutMs = 15000) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
    connection.on("gameEvent", (event) => {
      if (event.type === type && matches(event.data)) {
        clearTimeout(timer);
        resolve(event);
      }
    });
  });

const instructor = await connect();
const created = await call(instructor, "createClass", { title: "Node client", scenario: "ukraine-2025", games: 1 });
const gameId = created.gameIds[0];
console.log(`created class ${created.classId} with game ${gameId}`);

const players = {};
for (const party of ["us", "ukraine"]) {
  const code = created.joinCodes.find((c) => c.gameId === gameId && c.partyId === party).code;
  const connection = await connect();
  const joined = await call(connection, "joinClass", { classId: created.classId, code, name: `Node ${party}` });
  players[party] = { connection, token: joined.token };
  console.log(`${party} joined`);
}

// watch answers one page at a time: call it again from the last sequence while "more" is true.
const watchAll = async (connection, token) => {
  const events = [];
  let pages = 0;
  for (let after = 0; ; pages++) {
    const page = await call(connection, "watch", { token, gameId, afterSequence: after });
    events.push(...page.events);
    if (!page.more) return { events, pages: pages + 1, summary: page.summary };
    after = page.events.at(-1).sequence;
  }
};

await call(instructor, "startClass", { token: created.instructorToken, bots: "linear" });
for (const party of Object.keys(players)) {
  await watchAll(players[party].connection, players[party].token);
}
console.log("class started, bots in russia and eu");

const tabled = waitFor(players.ukraine.connection, "OfferTabled", (data) => data.proposer === "us");
const uuid = () => crypto.randomUUID();
await call(players.us.connection, "act", {
  token: players.us.token,
  commandId: uuid(),
  command: { type: "table", package: { minerals: "share-10", security: "written" }, addressees: ["ukraine"] },
});
const offer = await tabled;
console.log(`ukraine saw offer #${offer.data.offerId} at sequence ${offer.sequence}`);

const view = await call(players.ukraine.connection, "getView", { token: players.ukraine.token });
const mine = view.view.inbox.find((o) => o.offerId === offer.data.offerId);
console.log(`offer worth ${mine.myUtility} to ukraine`);

const concluded = waitFor(players.us.connection, "AgreementConcluded", (data) => data.agreementId === offer.data.offerId);
await call(players.ukraine.connection, "act", { token: players.ukraine.token, commandId: uuid(), command: { type: "accept", offerId: offer.data.offerId } });
const agreement = await concluded;
console.log(`agreement #${agreement.data.agreementId} concluded, binding: ${agreement.data.bindingIssues.join(", ")}`);

const history = await watchAll(instructor, created.instructorToken);
const gapless = history.events.every((e, i) => i === 0 || e.sequence === history.events[i - 1].sequence + 1);
if (!gapless || history.events.at(-1).sequence !== history.summary.lastSequence) {
  throw new Error("the paged catch-up has a gap or stops short of the summary");
}
console.log(`caught up on ${history.events.length} events in ${history.pages} pages`);

const refused = await players.us.connection.invoke("instruct", { token: players.us.token, gameId, command: { type: "end" } });
if (refused.ok || refused.error.code !== "Forbidden") {
  throw new Error("a player was allowed to instruct");
}
console.log("a player may not instruct: Forbidden");

for (const connection of [instructor, ...Object.values(players).map((p) => p.connection)]) {
  await connection.stop();
}
console.log("ok");
