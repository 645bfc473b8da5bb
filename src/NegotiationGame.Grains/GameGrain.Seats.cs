using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Grains;

/// <summary>The class telling the game's watching hosts that seats changed, so that they stop feeding stale connections.</summary>
public sealed partial class GameGrain
{
    /// <summary>
    /// How long a seat change waits for a host to answer. A host that cannot answer that soon is most likely gone (its
    /// registration lapses by itself); waiting longer would hold the instructor's move, and the class, for as long.
    /// </summary>
    public static readonly TimeSpan SeatChangePatience = TimeSpan.FromSeconds(5);

    public async Task SeatsChanged(ImmutableArray<SeatChange> changes)
    {
        // Every host at once, not one after the other as ObserverManager.Notify goes: one slow host must not add up.
        var hosts = _observers.Observers.Values.ToArray();
        var told = await Task.WhenAll(hosts.Select(host => TellAsync(host, changes)));
        var missed = told.Count(answered => !answered);
        if (missed > 0)
        {
            LogSeatChangeUnheard(logger, GameId, missed);
        }
    }

    private async Task<bool> TellAsync(IGameObserver host, ImmutableArray<SeatChange> changes)
    {
        try
        {
            await host.OnSeatsChanged(GameId, changes).WaitAsync(SeatChangePatience);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Missed} hosts watching game {GameId} did not confirm a seat change in time; they may feed stale watchers until those leave")]
    private static partial void LogSeatChangeUnheard(ILogger logger, string gameId, int missed);
}
