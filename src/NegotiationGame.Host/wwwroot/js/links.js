// @ts-check
// The links the instructor hands out. Tokens ride in the fragment, which the browser never sends to a server.

export const joinLink = (classId, code) => `${location.origin}/#/join?class=${encodeURIComponent(classId)}&code=${encodeURIComponent(code)}`;
export const debriefLink = gameId => `#/debrief?game=${encodeURIComponent(gameId)}`;
export const spectatorLink = (gameId, token) => `${location.origin}/#/watch?game=${encodeURIComponent(gameId)}&token=${encodeURIComponent(token)}`;
