// @ts-check
// The links the instructor hands out. Tokens ride in the fragment, which the browser never sends to a server.

export const joinLink = (classId, code) => `${location.origin}/#/join?class=${encodeURIComponent(classId)}&code=${encodeURIComponent(code)}`;
export const debriefLink = gameId => `#/debrief?game=${encodeURIComponent(gameId)}`;
export const spectatorLink = (gameId, token) => `${location.origin}/#/watch?game=${encodeURIComponent(gameId)}&token=${encodeURIComponent(token)}`;

// The instructor key rides in the fragment too, so that it never reaches a server's log; instructor/recovery.js takes
// it out of the address bar as soon as the page has stored it.
export const recoveryLink = (classId, instructorToken, lobbyCode) =>
  `${location.origin}/#/instructor?class=${encodeURIComponent(classId)}&key=${encodeURIComponent(instructorToken)}${lobbyCode ? `&lobby=${encodeURIComponent(lobbyCode)}` : ""}`;
