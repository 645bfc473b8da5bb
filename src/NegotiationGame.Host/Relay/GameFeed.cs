using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Channels;
using NegotiationGame.Contracts;
using NegotiationGame.Storage;
using NegotiationGame.Contracts.Games;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Hubs.Client;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// One game as this host watches it: its own observer registration with the game grain, and one worker that takes
/// the game's entries, in sequence order and without gaps, to the outboxes of the connections watching it here. The
/// observer callbacks only queue, so the grain never waits for a socket, and the worker only posts to outboxes, so
/// this game never waits for another game or for a slow connection. Spectators of a delayed class read through a
/// <see cref="SpectatorLane"/>.
/// </summary>
public sealed partial class GameFeed : IGameObserver, IAsyncDisposable
{
    private const int GapPageSize = 1_000;

    /// <summary>
    /// How long a feed that is let go waits for its game to take the goodbye. Waiting longer buys nothing: the call
    /// goes on without this host waiting for it, and a registration never renewed lapses at the grain by itself. But
    /// when the game's silo is stopping too (the whole cluster going down at once), the goodbye can hang for the
    /// whole call timeout, and this host's shutdown would spend there the time its own silo needs to stop.
    /// </summary>
    public static readonly TimeSpan GoodbyePatience = TimeSpan.FromSeconds(1);

    private readonly string _gameId;
    private readonly IGameGrain _game;
    private readonly IGrainFactory _grains;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>(new() { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly SpectatorCountThrottle _counts;
    private readonly SpectatorLane? _lane;
    private readonly Task<long> _subscribed;
    private readonly Action<GameFeed, ImmutableArray<SeatChange>> _seatsChanged;
    private Task? _laneSeeded;
    private ImmutableArray<GameWatcher> _watchers = [];
    private IGameObserver? _reference;
    private long _forwardedThrough;
    private Task? _worker;

    /// <param name="seatsChanged">What the relay does when the game says seats changed (<see cref="EndStaleWatches"/>, with the relay's bookkeeping).</param>
    public GameFeed(string gameId, TimeSpan spectatorDelay, IGrainFactory grains, TimeProvider clock, FanoutSettings settings, ILogger logger, Action<GameFeed, ImmutableArray<SeatChange>> seatsChanged)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(settings);
        _gameId = gameId;
        _grains = grains;
        _game = grains.GetGrain<IGameGrain>(gameId);
        _logger = logger;
        _clock = clock;
        _seatsChanged = seatsChanged;
        SpectatorDelay = spectatorDelay;
        _counts = new SpectatorCountThrottle(clock, settings.SpectatorCountInterval, PublishSpectators);
        _lane = spectatorDelay > TimeSpan.Zero ? new SpectatorLane(gameId, spectatorDelay, clock) : null;
        _subscribed = Task.Run(SubscribeAsync);
    }

    public TimeSpan SpectatorDelay { get; }

    public bool IsWatched => !_watchers.IsEmpty;

    /// <summary>Ends once the game notifies this feed: entries after the returned sequence will be pushed.</summary>
    public Task Subscribed => _subscribed;

    /// <summary>The number of spectators the game last reported.</summary>
    public int Spectators => _counts.Latest;

    /// <summary>
    /// Adds (or replaces) a watcher; it is pushed every entry forwarded from now on. A player whose seat this feed has
    /// already heard change is not added (the hub then refuses the watch).
    /// </summary>
    public void Add(GameWatcher watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        lock (_gate)
        {
            _watchers = [.. _watchers.Where(known => known.Outbox != watcher.Outbox), .. Admits(watcher) ? [watcher] : Array.Empty<GameWatcher>()];
        }
    }

    /// <summary>Removes a connection; returns the watcher it was, if any.</summary>
    public GameWatcher? Remove(ConnectionOutbox outbox)
    {
        lock (_gate)
        {
            var known = _watchers.FirstOrDefault(watcher => watcher.Outbox == outbox);
            _watchers = _watchers.RemoveAll(watcher => watcher.Outbox == outbox);
            _lane?.Leave(outbox);
            return known;
        }
    }

    /// <summary>
    /// Joins a spectator to the delayed view: the lane opens (seeded from the log) on the first one. Null when the
    /// class has no delay, where spectators watch the live feed.
    /// </summary>
    public async Task<SpectatorView?> JoinSpectatorAsync(GameWatcher spectator, int spectators)
    {
        ArgumentNullException.ThrowIfNull(spectator);
        if (_lane is null)
        {
            return null;
        }

        Task seeded;
        lock (_gate)
        {
            seeded = _laneSeeded ??= Queue(SeedLaneAsync);
        }

        await seeded;
        return _lane.Join(spectator, spectators);
    }

    /// <summary>Renews the registration and fetches from the log whatever the game appended that was not heard.</summary>
    public async Task RenewAsync()
    {
        await _subscribed;
        var last = await _game.Subscribe(_reference!);
        await Queue(() => CatchUpAsync(last));
    }

    public Task OnEvents(string gameId, ImmutableArray<LoggedEvent> entries)
    {
        // The worker runs outside this call, so the notification's trace is handed to it by hand.
        var notification = Activity.Current?.Context ?? default;
        _ = Queue(() => ForwardAsync(entries, notification));
        return Task.CompletedTask;
    }

    public Task OnSpectators(string gameId, int count)
    {
        _counts.Report(count);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        _counts.Dispose();
        _lane?.Dispose();
        try
        {
            await SayGoodbyeAsync().WaitAsync(GoodbyePatience, _clock);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The registration lapses at the grain on its own; a failed or unanswered goodbye costs nothing.
            LogUnsubscribeFailed(_logger, _gameId, exception);
        }
        finally
        {
            if (_reference is not null)
            {
                _grains.DeleteObjectReference<IGameObserver>(_reference);
            }
        }

        if (_worker is not null)
        {
            await _worker;
        }
    }

    private async Task SayGoodbyeAsync()
    {
        await _subscribed;
        await _game.Unsubscribe(_reference!);
    }

    private async Task<long> SubscribeAsync()
    {
        _reference = _grains.CreateObjectReference<IGameObserver>(this);
        _forwardedThrough = await _game.Subscribe(_reference);
        _worker = Task.Run(WorkInOrderAsync);
        return _forwardedThrough;
    }

    /// <summary>Runs <paramref name="step"/> on the worker, after everything queued before it.</summary>
    private Task Queue(Func<Task> step)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = _work.Writer.TryWrite(async () =>
        {
            try
            {
                await step();
                done.SetResult();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                done.SetException(exception);
            }
        });
        if (!queued)
        {
            done.SetCanceled();
        }

        return done.Task;
    }

    private async Task WorkInOrderAsync()
    {
        await foreach (var step in _work.Reader.ReadAllAsync())
        {
            await step();
        }
    }

    private async Task ForwardAsync(ImmutableArray<LoggedEvent> entries, ActivityContext notification)
    {
        using var span = notification == default ? null : RelayInstruments.StartFanout(notification, entries.Length, _watchers.Length);
        // The entries of one notification (one change of the game: a counter-offer is a rejection and an offer) go to
        // batched watchers as one message, which halves what the commonest change costs to push.
        var change = new List<RelayedEntry>(entries.Length);
        try
        {
            foreach (var entry in entries)
            {
                if (entry.Sequence <= _forwardedThrough)
                {
                    continue;
                }

                if (_forwardedThrough < entry.Sequence - 1)
                {
                    // A notification lost or overtaken on the way: read the missing stretch from the log first.
                    Push(change);
                    change.Clear();
                    await CatchUpAsync(entry.Sequence - 1);
                }

                if (_forwardedThrough == entry.Sequence - 1 && Forward(entry) is { } relayed)
                {
                    change.Add(relayed);
                }
            }

            Push(change);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // What was not forwarded is read from the log at the next renewal.
            LogForwardFailed(_logger, _gameId, exception);
        }
    }

    private async Task CatchUpAsync(long through)
    {
        while (_forwardedThrough < through)
        {
            var page = await _game.ReadLog(_forwardedThrough, GapPageSize);
            if (page.IsEmpty || page[0].Sequence != _forwardedThrough + 1)
            {
                return;
            }

            foreach (var entry in page)
            {
                if (entry.Sequence > _forwardedThrough && entry.Sequence <= through && Forward(entry) is { } relayed)
                {
                    Push([relayed]);
                }
            }
        }
    }

    private async Task SeedLaneAsync()
    {
        try
        {
            await _lane!.SeedAsync(_game, _forwardedThrough);
        }
        catch
        {
            lock (_gate)
            {
                // A later spectator tries again.
                _laneSeeded = null;
            }

            throw;
        }
    }

    /// <summary>Moves the feed past <paramref name="entry"/>, handing it to the delayed lane; returns what live watchers are pushed, if anything.</summary>
    private RelayedEntry? Forward(LoggedEvent entry)
    {
        _forwardedThrough = entry.Sequence;
        if (_laneSeeded is { IsCompletedSuccessfully: true })
        {
            _lane!.Enqueue(entry);
        }

        return entry.Type == GameCreated.TypeName ? null : new RelayedEntry(_gameId, entry);
    }

    /// <summary>Posts consecutive entries to every live watcher: one by one, or as one batch to a watcher that asked for batches.</summary>
    private void Push(List<RelayedEntry> change)
    {
        if (change.Count == 0)
        {
            return;
        }

        PreparedMessage? publicBatch = null;
        foreach (var watcher in _watchers)
        {
            if (_lane is not null && watcher.IsSpectator)
            {
                continue;
            }

            if (watcher.Batched && change.Count > 1)
            {
                watcher.Outbox.Post("gameEvents", change.Exists(relayed => relayed.IsPrivate)
                    ? new PreparedMessage(change.ConvertAll(relayed => relayed.MessageFor(watcher.Grant)))
                    : publicBatch ??= new PreparedMessage(change.ConvertAll(relayed => relayed.FullMessage)));
                continue;
            }

            foreach (var relayed in change)
            {
                watcher.Outbox.Post("gameEvent", relayed.For(watcher.Grant));
            }
        }
    }

    private void PublishSpectators(int count)
    {
        var message = new SpectatorCountMessage(_gameId, count);
        foreach (var watcher in _watchers)
        {
            watcher.Outbox.Post("spectators", message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the missed entries of game {GameId} failed; the next renewal reads them")]
    private static partial void LogForwardFailed(ILogger logger, string gameId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribing from game {GameId} failed")]
    private static partial void LogUnsubscribeFailed(ILogger logger, string gameId, Exception exception);
}
