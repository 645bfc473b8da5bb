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

    // The latest change of each seat this activation heard, for a host that registers only after it (the activation
    // is fresh and hosts re-register at their next renewal, or a host's registration lapsed): see TellNewHostAsync.
    private readonly LatestSeatChanges _seatChanges = new();

    public async Task SeatsChanged(ImmutableArray<SeatChange> changes)
    {
        _seatChanges.Note(changes);
        // Every host at once, not one after the other as ObserverManager.Notify goes: one slow host must not add up.
        var hosts = _observers.Observers.Values.ToArray();
        var told = await Task.WhenAll(hosts.Select(host => TellAsync(host, changes)));
        var missed = told.Count(answered => !answered);
        if (missed > 0)
        {
            LogSeatChangeUnheard(logger, GameId, missed);
        }
    }

    /// <summary>
    /// A host that was not registered when seats changed hears them as it registers, before it reads what it missed
    /// from the log: otherwise its renewal would push entries logged after the change to the connections it made
    /// stale. Seats it has no watcher for cost it nothing.
    /// </summary>
    private async Task TellNewHostAsync(IGameObserver host)
    {
        if (!_seatChanges.IsEmpty && !_observers.Observers.ContainsKey(host) && !await TellAsync(host, _seatChanges.All))
        {
            LogSeatChangeUnheard(logger, GameId, 1);
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
