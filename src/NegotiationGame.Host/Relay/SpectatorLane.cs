using System.Collections.Immutable;
using NegotiationGame.Contracts;
using NegotiationGame.Storage;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.EventLog;
using NegotiationGame.Grains;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// The spectators' view of one game on this host, the class's delay behind the live game. It holds the game folded
/// as far as spectators have been shown (<see cref="SpectatorView.ShownThrough"/>) and, in order, every later entry,
/// each released when it is the delay old. It is seeded from the log when it opens, so the first spectator also
/// receives the entries of the last delay window before it came, which no live notification will bring again.
/// </summary>
public sealed class SpectatorLane : IDisposable
{
    private const int SeedPageSize = 1_000;

    private readonly string _gameId;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly Queue<RelayedEntry> _waiting = new();
    private ImmutableArray<GameWatcher> _spectators = [];
    private GameRecord? _shown;
    private ITimer? _timer;
    private DateTimeOffset? _timerDue;
    private bool _disposed;

    public SpectatorLane(string gameId, TimeSpan delay, TimeProvider clock)
    {
        _gameId = gameId;
        _delay = delay;
        _clock = clock;
    }

    /// <summary>Reads the log through <paramref name="through"/>: what is the delay old is folded, the rest waits.</summary>
    public async Task SeedAsync(IGameGrain game, long through)
    {
        ArgumentNullException.ThrowIfNull(game);
        for (long after = 0; after < through;)
        {
            var page = await game.ReadLog(after, SeedPageSize);
            if (page.IsEmpty)
            {
                break;
            }

            foreach (var entry in page)
            {
                if (entry.Sequence <= through)
                {
                    Enqueue(entry);
                }
            }

            after = page[^1].Sequence;
        }
    }

    /// <summary>Takes the game's next entry (in sequence order); it reaches spectators once it is the delay old.</summary>
    public void Enqueue(LoggedEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (_shown is null)
            {
                // The header starts the fold; spectators never receive it.
                _shown = GameRecord.Start(entry);
                return;
            }

            _waiting.Enqueue(new RelayedEntry(_gameId, entry));
            ReleaseDue();
        }
    }

    /// <summary>Adds a spectator and returns the view it starts from; every later entry is pushed to it when due.</summary>
    public SpectatorView Join(GameWatcher spectator, int spectators)
    {
        lock (_gate)
        {
            _spectators = [.. _spectators.Where(known => known.Outbox != spectator.Outbox), spectator];
            var shown = _shown ?? throw new InvalidOperationException($"Game '{_gameId}' has no log to show yet.");
            return new SpectatorView(shown.LastSequence, GameSummaries.Of(_gameId, shown, spectators), shown.State.Phase == GamePhase.Ended);
        }
    }

    public void Leave(ConnectionOutbox outbox)
    {
        lock (_gate)
        {
            _spectators = _spectators.RemoveAll(known => known.Outbox == outbox);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Shows spectators every waiting entry that is the delay old, then sets the timer for the next one.</summary>
    private void ReleaseDue()
    {
        if (_disposed || _shown is not { } shown)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        while (_waiting.TryPeek(out var next) && next.Entry.At + _delay <= now)
        {
            _waiting.Dequeue();
            shown.Apply(next.Entry);
            foreach (var spectator in _spectators)
            {
                spectator.Outbox.Post("gameEvent", next.Redacted);
            }
        }

        var due = _waiting.TryPeek(out var first) ? first.Entry.At + _delay : (DateTimeOffset?)null;
        if (due == _timerDue)
        {
            return;
        }

        _timerDue = due;
        if (due is { } at)
        {
            var wait = at - now;
            if (_timer is null)
            {
                _timer = _clock.CreateTimer(_ => OnTimer(), null, wait, Timeout.InfiniteTimeSpan);
            }
            else
            {
                _timer.Change(wait, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timerDue = null;
            ReleaseDue();
        }
    }
}

/// <summary>What a spectator is shown on arriving: the log through <see cref="ShownThrough"/>, and the game as it stood then.</summary>
public sealed record SpectatorView(long ShownThrough, GameSummary Summary, bool Ended);
