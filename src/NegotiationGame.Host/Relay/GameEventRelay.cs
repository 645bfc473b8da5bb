using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Games;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Hubs;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// This host's one observer of the games its connections watch. A game grain, wherever it runs, notifies the observer
/// of each new durable entry; the relay passes it to the SignalR group of that game on this host. Registrations lapse
/// at the grain after five minutes, so they are renewed every minute while the host runs.
/// </summary>
public sealed partial class GameEventRelay(IGrainFactory grains, IHubContext<GameHub> hub, ILogger<GameEventRelay> logger)
    : BackgroundService, IGameObserver
{
    private static readonly TimeSpan Renewal = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, byte> _watched = new(StringComparer.Ordinal);
    private IGameObserver? _reference;

    public static string GroupOf(string gameId) => "game:" + gameId;

    /// <summary>Makes sure the game notifies this host; called before a connection reads the events it missed.</summary>
    public async Task WatchAsync(string gameId)
    {
        if (_watched.TryAdd(gameId, 0))
        {
            await grains.GetGrain<IGameGrain>(gameId).Subscribe(Reference());
        }
    }

    public async Task OnEvents(string gameId, ImmutableArray<LoggedEvent> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Type != GameCreated.TypeName)
            {
                await hub.Clients.Group(GroupOf(gameId)).SendAsync("gameEvent", ToMessage(gameId, entry));
            }
        }
    }

    /// <summary>An entry as clients receive it: its data is JSON, not a string of JSON.</summary>
    public static object ToMessage(string gameId, LoggedEvent entry)
    {
        using var data = JsonDocument.Parse(entry.Data);
        return new { gameId, sequence = entry.Sequence, at = entry.At, type = entry.Type, data = data.RootElement.Clone() };
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

    private IGameObserver Reference() => _reference ??= grains.CreateObjectReference<IGameObserver>(this);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the event subscription of game {GameId} failed; retrying in a minute")]
    private static partial void LogRenewalFailed(ILogger logger, string gameId, Exception exception);
}
