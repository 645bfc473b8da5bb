// The bundled SignalR client (lib/signalr.min.js, a classic script) as the web UI's modules see it: one global.
// For the type check only (jsconfig.json); the modules use a handful of its members, typed loosely here.
declare const signalR: any;
