using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Games;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Storage;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// This host's one observer of the games its connections watch. A game grain, wherever it runs, notifies the observer
/// of each new durable entry; the relay passes it to the SignalR groups of that game on this host, each in the form
/// its readers may see (<see cref="Audience"/>), and to spectators only after the class's spectator delay.
/// Registrations lapse at the grain after five minutes, so they are renewed every minute while the host runs.
/// </summary>
public sealed partial class GameEventRelay(IGrainFactory grains, IHubContext<GameHub> hub, ILogger<GameEventRelay> logger)
    : BackgroundService, IGameObserver
{
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, WatchedGame> _watched = new(StringComparer.Ordinal);
    private IGameObserver? _reference;

    /// <summary>Identifies this host among the hosts of a cluster, in spectator keys.</summary>
    public string HostKey { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Makes sure the game notifies this host; called before a connection reads the events it missed.</summary>
    public async Task WatchAsync(string gameId, IReadOnlyList<string> parties, TimeSpan spectatorDelay)
    {
        var watched = new WatchedGame(parties, new DelayedSender(hub, Audience.Public(gameId), spectatorDelay));
        if (_watched.TryAdd(gameId, watched))
        {
            await grains.GetGrain<IGameGrain>(gameId).Subscribe(Reference());
        }
    }

    public async Task OnSpectators(string gameId, int count)
    {
        var message = new { gameId, count };
        await hub.Clients.Groups([Audience.Participants(gameId), Audience.Public(gameId)]).SendAsync("spectators", message);
    }

    public async Task OnEvents(string gameId, ImmutableArray<LoggedEvent> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Type == GameCreated.TypeName)
            {
                continue;
            }

            if (!_watched.TryGetValue(gameId, out var game))
            {
                continue;
            }

            if (!Audience.IsPrivate(entry))
            {
                var message = Audience.Message(gameId, entry, readable: true);
                await hub.Clients.Group(Audience.Participants(gameId)).SendAsync("gameEvent", message);
                await game.Spectators.SendAsync(entry.At, message);
                continue;
            }

            var channel = Audience.Channel(entry);
            IReadOnlyList<string> readers = [Audience.Instructor(gameId), .. channel.Select(party => Audience.Party(gameId, party))];
            IReadOnlyList<string> others = [.. game.Parties.Except(channel).Select(party => Audience.Party(gameId, party))];
            var redacted = Audience.Message(gameId, entry, readable: false);
            await hub.Clients.Groups(readers).SendAsync("gameEvent", Audience.Message(gameId, entry, readable: true));
            await hub.Clients.Groups(others).SendAsync("gameEvent", redacted);
            await game.Spectators.SendAsync(entry.At, redacted);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Renewal);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var gameId in _watched.Keys)
            {
                try
                {
                    await grains.GetGrain<IGameGrain>(gameId).Subscribe(Reference());
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRenewalFailed(logger, gameId, exception);
                }
            }
        }
    }

    public override void Dispose()
    {
        foreach (var game in _watched.Values)
        {
            game.Spectators.Dispose();
        }

        base.Dispose();
    }

    private IGameObserver Reference() => _reference ??= grains.CreateObjectReference<IGameObserver>(this);

    private sealed record WatchedGame(IReadOnlyList<string> Parties, DelayedSender Spectators);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the event subscription of game {GameId} failed; retrying in a minute")]
    private static partial void LogRenewalFailed(ILogger logger, string gameId, Exception exception);
}
