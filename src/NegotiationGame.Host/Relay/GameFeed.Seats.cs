using System.Collections.Immutable;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs.Client;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// Seats that changed while connections here watch the game with them: those connections are fed nothing more of
/// it. The class has already made their tokens stop counting for calls; this ends the feed they opened before.
/// </summary>
public sealed partial class GameFeed
{
    // The latest change of each seat heard here (as many as the game keeps), so that a watch the hub let through just
    // before its seat changed is not added after the change was heard: see Admits.
    private readonly LatestSeatChanges _seatChanges = new();

    public string GameId => _gameId;

    /// <summary>Heard from the game before the class acknowledges a seat change; the relay ends the stale watches at once.</summary>
    public Task OnSeatsChanged(string gameId, ImmutableArray<SeatChange> changes)
    {
        _seatsChanged(this, changes);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Removes the player watchers whose token <paramref name="changes"/> ended and returns them. They are pushed no
    /// entry from now on; each is told why once the worker has pushed what it had already taken, so that the reason
    /// is the last message of this game the connection receives.
    /// </summary>
    public ImmutableArray<GameWatcher> EndStaleWatches(ImmutableArray<SeatChange> changes)
    {
        var ended = new List<(GameWatcher Watcher, WatchEndedMessage Reason)>();
        lock (_gate)
        {
            _seatChanges.Note(changes);
            foreach (var watcher in _watchers)
            {
                if (watcher.Grant is { Role: AccessRole.Player, SeatId: { } seatId } grant &&
                    changes.FirstOrDefault(change => change.SeatId == seatId) is { } change &&
                    !grant.IsHeldBy(change.Now))
                {
                    ended.Add((watcher, WatchEndedMessage.For(_gameId, grant, change.Now)));
                }
            }

            _watchers = _watchers.RemoveAll(watcher => ended.Exists(stale => stale.Watcher == watcher));
        }

        if (ended.Count > 0)
        {
            _ = Queue(() =>
            {
                foreach (var (watcher, reason) in ended)
                {
                    watcher.Outbox.Post("watchEnded", reason);
                }

                return Task.CompletedTask;
            });
        }

        return [.. ended.Select(stale => stale.Watcher)];
    }

    /// <summary>Whether the watcher's token still counts as far as this feed has heard (call under the feed's lock).</summary>
    private bool Admits(GameWatcher watcher) =>
        watcher.Grant is not { Role: AccessRole.Player, SeatId: { } seatId } grant ||
        _seatChanges.Of(seatId) is not { } change ||
        grant.IsHeldBy(change.Now);
}
