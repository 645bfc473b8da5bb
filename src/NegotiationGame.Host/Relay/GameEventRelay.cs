using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Host.Access;
using NegotiationGame.Storage.Telemetry;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// The games this host's connections watch, and those connections. A game is fed (<see cref="GameFeed"/>) while at
/// least one connection here watches it and let go when the last one leaves; each connection has one bounded
/// outbox (<see cref="ConnectionOutbox"/>) whatever the number of games it watches. Every few seconds the relay
/// renews each feed's registration with its game, which also brings a re-activated game (whose new activation knew
/// nothing of this host) back to this host and reads from the log what it appended meanwhile. When a silo of the
/// cluster is declared dead (<see cref="SiloDeathWatch"/>) it renews every feed at once instead of waiting.
/// </summary>
public sealed partial class GameEventRelay(
    IGrainFactory grains,
    IConnectionSender sender,
    IOptions<FanoutSettings> options,
    [FromKeyedServices(FanoutSettings.ClockKey)] TimeProvider clock,
    IMeterFactory meters,
    ILogger<GameEventRelay> logger) : BackgroundService
{
    private readonly FanoutSettings _settings = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, GameFeed> _feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConnectionOutbox> _outboxes = new(StringComparer.Ordinal);

    /// <summary>Identifies this host among the hosts of a cluster, in spectator keys.</summary>
    public string HostKey { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Raised with the game's id once no connection on this host watches it and its feed is let go.</summary>
    public event Action<string>? GameLetGo;

    /// <summary>The number of games this host is subscribed to now.</summary>
    public int WatchedGames
    {
        get
        {
            lock (_gate)
            {
                return _feeds.Count;
            }
        }
    }

    /// <summary>
    /// Registers the connection as a watcher of the game, on a feed that the game notifies, before the caller reads
    /// what the connection missed: an entry appended in between is then both read and pushed (the client drops the
    /// repeat) rather than lost.
    /// </summary>
    public async Task<(GameFeed Feed, GameWatcher Watcher)> WatchAsync(HubCallerContext connection, AccessGrant grant, string gameId, TimeSpan spectatorDelay, bool batched = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        GameFeed feed;
        GameWatcher watcher;
        lock (_gate)
        {
            if (!_outboxes.TryGetValue(connection.ConnectionId, out var outbox))
            {
                outbox = new ConnectionOutbox(connection.ConnectionId, _settings.OutboxCapacity, sender, connection.Abort, logger) { Role = grant.Role };
                _outboxes[connection.ConnectionId] = outbox;
                RelayInstruments.Connected(grant.Role);
            }

            if (!_feeds.TryGetValue(gameId, out feed!))
            {
                feed = new GameFeed(gameId, spectatorDelay, grains, clock, _settings, logger, EndStaleWatches);
                _feeds[gameId] = feed;
            }

            watcher = new GameWatcher(outbox, grant, batched);
            feed.Add(watcher);
            outbox.Games.Add(gameId);
        }

        try
        {
            await feed.Subscribed;
        }
        catch
        {
            await LeaveAsync(connection.ConnectionId, gameId);
            throw;
        }

        return (feed, watcher);
    }

    /// <summary>Counts a spectator connection in at its game, across hosts; returns how many watch the game now.</summary>
    public Task<int> CountSpectatorAsync(string gameId, string connectionId) =>
        grains.GetGrain<IGameGrain>(gameId).SetSpectator(SpectatorKey(connectionId), watching: true);

    /// <summary>Forgets a connection that closed: it leaves every game it watched, and unwatched games are let go.</summary>
    public async Task DisconnectAsync(string connectionId)
    {
        ConnectionOutbox? outbox;
        string[] games;
        lock (_gate)
        {
            if (!_outboxes.Remove(connectionId, out outbox))
            {
                return;
            }

            RelayInstruments.Disconnected(outbox.Role);

            games = [.. outbox.Games];
        }

        outbox.Close();
        await Task.WhenAll(games.Select(gameId => LeaveAsync(connectionId, gameId, outbox)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        List<GameFeed> feeds;
        lock (_gate)
        {
            feeds = [.. _feeds.Values];
            _feeds.Clear();
            foreach (var outbox in _outboxes.Values)
            {
                outbox.Disconnect();
                RelayInstruments.Disconnected(outbox.Role);
            }

            _outboxes.Clear();
        }

        // Together, so that the host's shutdown waits for the goodbyes once (GameFeed.GoodbyePatience), not once a game.
        try
        {
            await Task.WhenAll(feeds.Select(feed => feed.DisposeAsync().AsTask())).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogFeedsAbandoned(logger, feeds.Count);
        }
    }

    /// <summary>
    /// Renews every feed at once, as after a silo was declared dead: each renewal re-activates its game where the
    /// cluster now places it, registers there and reads from the log what was not heard. A renewal that fails (the
    /// cluster may still be settling) is tried again, sooner than the periodic renewal would, until it holds or
    /// <see cref="FanoutSettings.RecoveryPatience"/> has passed; the periodic renewal goes on after that in any case.
    /// </summary>
    public async Task RenewAllAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = clock.GetUtcNow() + _settings.RecoveryPatience;
        var retryDelay = _settings.RecoveryFirstRetry;
        var pending = WatchedFeeds();
        while (true)
        {
            var renewed = await Task.WhenAll(pending.Select(RenewAsync)).WaitAsync(cancellationToken);
            pending = [.. pending.Where((feed, index) => !renewed[index] && IsCurrent(feed))];
            if (pending.Length == 0)
            {
                return;
            }

            if (clock.GetUtcNow() + retryDelay > giveUpAt)
            {
                LogRecoveryIncomplete(logger, pending.Length);
                return;
            }

            await Task.Delay(retryDelay, clock, cancellationToken);
            retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, _settings.RenewalInterval.Ticks));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // On a meter of the host's own, disposed with its services, so that a stopped host's relay is not observed on.
        meters.Create(ProductTelemetry.Name).CreateObservableGauge(
            RelayInstruments.QueueDepthName, DeepestOutbox, "{message}", "Messages waiting in the fullest connection outbox on this host");
        using var timer = new PeriodicTimer(_settings.RenewalInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // A renewal towards a silo that is stopping too can hang for the call timeout; the host does not wait for it.
                await Task.WhenAll(WatchedFeeds().Select(RenewAsync)).WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    private int DeepestOutbox()
    {
        var deepest = 0;
        lock (_gate)
        {
            foreach (var outbox in _outboxes.Values)
            {
                deepest = Math.Max(deepest, outbox.Queued);
            }
        }

        return deepest;
    }

    private GameFeed[] WatchedFeeds()
    {
        lock (_gate)
        {
            return [.. _feeds.Values];
        }
    }

    /// <summary>Whether the feed is still the one this host keeps for its game (not let go meanwhile).</summary>
    private bool IsCurrent(GameFeed feed)
    {
        lock (_gate)
        {
            return _feeds.ContainsValue(feed);
        }
    }

    private async Task<bool> RenewAsync(GameFeed feed)
    {
        try
        {
            await feed.RenewAsync();
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogRenewalFailed(logger, exception);
            return false;
        }
    }

    private Task LeaveAsync(string connectionId, string gameId)
    {
        ConnectionOutbox? outbox;
        lock (_gate)
        {
            _outboxes.TryGetValue(connectionId, out outbox);
        }

        return outbox is null ? Task.CompletedTask : LeaveAsync(connectionId, gameId, outbox);
    }

    private async Task LeaveAsync(string connectionId, string gameId, ConnectionOutbox outbox)
    {
        GameWatcher? watcher = null;
        GameFeed? unwatched = null;
        lock (_gate)
        {
            outbox.Games.Remove(gameId);
            if (_feeds.TryGetValue(gameId, out var feed))
            {
                watcher = feed.Remove(outbox);
                if (!feed.IsWatched)
                {
                    _feeds.Remove(gameId);
                    unwatched = feed;
                }
            }
        }

        if (unwatched is not null)
        {
            GameLetGo?.Invoke(gameId);
        }

        try
        {
            if (watcher is { IsSpectator: true })
            {
                // Not waited for longer than a feed's goodbye, for the same reason (GameFeed.GoodbyePatience).
                await grains.GetGrain<IGameGrain>(gameId).SetSpectator(SpectatorKey(connectionId), watching: false).WaitAsync(GameFeed.GoodbyePatience, clock);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogUncountFailed(logger, gameId, exception);
        }

        if (unwatched is not null)
        {
            await unwatched.DisposeAsync();
        }
    }

    /// <summary>Stops watching a game for one connection (its watch turned out stale), letting the feed go if it was the last.</summary>
    public Task StopWatchingAsync(string connectionId, string gameId) => LeaveAsync(connectionId, gameId);

    /// <summary>
    /// Ends the watches that the seat changes made stale, in the same lock as watching and leaving, so that a
    /// connection that watches again with its new token meanwhile keeps that watch.
    /// </summary>
    private void EndStaleWatches(GameFeed feed, ImmutableArray<SeatChange> changes)
    {
        GameFeed? unwatched = null;
        lock (_gate)
        {
            var ended = feed.EndStaleWatches(changes);
            foreach (var watcher in ended)
            {
                watcher.Outbox.Games.Remove(feed.GameId);
            }

            if (!ended.IsEmpty && !feed.IsWatched && _feeds.TryGetValue(feed.GameId, out var current) && current == feed)
            {
                _feeds.Remove(feed.GameId);
                unwatched = feed;
            }
        }

        if (unwatched is not null)
        {
            GameLetGo?.Invoke(unwatched.GameId);
            // Not waited for: its goodbye is a call to the game, which is waiting for this very notification to return.
            _ = unwatched.DisposeAsync().AsTask();
        }
    }

    private string SpectatorKey(string connectionId) => $"{HostKey}/{connectionId}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing an event subscription failed; the next renewal tries again")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} event subscriptions could not be renewed after a membership change; the periodic renewal tries again")]
    private static partial void LogRecoveryIncomplete(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The host's shutdown time ran out before {Count} game feeds were let go; their registrations lapse at the games")]
    private static partial void LogFeedsAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting a spectator out of game {GameId} failed")]
    private static partial void LogUncountFailed(ILogger logger, string gameId, Exception exception);
}
