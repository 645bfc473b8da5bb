using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Grains;

/// <summary>
/// The seats of the game's players: checked before a player's command, and the class telling the game's watching hosts
/// that they changed, so that they stop feeding stale connections.
/// </summary>
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

    // What the class said of each seat whose player acted here, kept until the class says the seat changed: seats
    // change a few times a class, commands thousands of times a minute.
    private readonly Dictionary<Guid, Seat?> _checkedSeats = [];

    public async Task<CommandOutcome?> ExecuteFromSeat(PlayerSeat seat, GameCommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(seat);
        ArgumentNullException.ThrowIfNull(request);
        if (_record is null)
        {
            // Before the class creates its games it tells none of them of seat changes, so nothing is kept until then:
            // the command is refused as any command to a game that does not exist.
            return await Execute(request);
        }

        // The class tells a game of the seats that left it, not of those that came: a token issued after the seat
        // last changed (a later generation than the one kept) shows that what is kept is out of date.
        if (!_checkedSeats.TryGetValue(seat.SeatId, out var known) || (known is not null && known.Generation < seat.Generation))
        {
            known = await GrainFactory.GetGrain<IClassSessionGrain>(seat.ClassId).GetSeat(seat.SeatId);
            _checkedSeats[seat.SeatId] = known;
        }

        return known is not null && (known.GameId, known.PartyId, known.Generation) == (GameId, request.Actor, seat.Generation)
            ? await Execute(request)
            : null;
    }

    public async Task SeatsChanged(ImmutableArray<SeatChange> changes)
    {
        foreach (var change in changes)
        {
            _checkedSeats.Remove(change.SeatId);
        }

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
