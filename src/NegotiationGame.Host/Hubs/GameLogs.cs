using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Storage;

namespace NegotiationGame.Host.Hubs;

internal static class GameLogs
{
    /// <summary>A game's whole log, page by page.</summary>
    public static async Task<List<LoggedEvent>> ReadAllAsync(IGameGrain game)
    {
        var log = new List<LoggedEvent>();
        for (var page = await game.ReadLog(0, 1_000); !page.IsEmpty; page = await game.ReadLog(log.Count, 1_000))
        {
            log.AddRange(page);
        }

        return log;
    }
}
