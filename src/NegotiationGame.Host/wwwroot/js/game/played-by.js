// @ts-check
// Who plays a role of a game, in words: the students seated in it now, or the bot.

/**
 * @param {{ roster?: { gameId: string, partyId: string, displayName: string }[], bots?: Record<string, string> } | null} room getClass's class
 * @returns {(gameId: string, partyId: string) => string}
 */
export const playedBy = room => (gameId, partyId) => {
  if (!room) return "–";
  const students = (room.roster ?? []).filter(seat => seat.gameId === gameId && seat.partyId === partyId).map(seat => seat.displayName);
  const bot = room.bots?.[`${gameId}/${partyId}`];
  return students.length ? students.join(", ") : bot ? `a bot (${bot})` : "nobody";
};
