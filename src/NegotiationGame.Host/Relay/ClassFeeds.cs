using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Hubs.Client;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// The classes this host's instructor connections watch. One observer of this host hears every such class
/// (registered with each class grain and renewed every few seconds, like the game feeds) and passes each change on to
/// the connections watching that class, so that the class page is pushed its roster and seat requests. A connection
/// whose instructor token is of an earlier generation than the class's (the link was reissued) stops hearing.
/// </summary>
public sealed partial class ClassFeeds(IGrainFactory grains, IHubContext<GameHub, IGameClient> hub, ILogger<ClassFeeds> logger)
    : BackgroundService, IClassObserver
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();

    // class id → connection id → the instructor generation of the token it watches with
    private readonly Dictionary<string, Dictionary<string, int>> _watchers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _classOf = new(StringComparer.Ordinal);

    // class id → the last sequence of the class log this host has passed on
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private IClassObserver? _reference;

    private IClassObserver Reference => _reference ??= grains.CreateObjectReference<IClassObserver>(this);

    /// <summary>The number of classes this host is registered with now.</summary>
    public int WatchedClasses
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>Registers the connection (one class per connection: a later watch replaces an earlier one) before the caller reads the class.</summary>
    public async Task WatchAsync(string connectionId, string classId, int instructorGeneration)
    {
        Forget(connectionId);
        lock (_gate)
        {
            if (!_watchers.TryGetValue(classId, out var connections))
            {
                connections = new Dictionary<string, int>(StringComparer.Ordinal);
                _watchers[classId] = connections;
            }

            connections[connectionId] = instructorGeneration;
            _classOf[connectionId] = classId;
        }

        await RenewAsync(classId);
    }

    public void Forget(string connectionId)
    {
        lock (_gate)
        {
            if (_classOf.Remove(connectionId, out var classId) && _watchers.TryGetValue(classId, out var connections))
            {
                connections.Remove(connectionId);
                if (connections.Count == 0)
                {
                    // The class's registration lapses by itself within 30 s; nothing is sent to this host meanwhile.
                    _watchers.Remove(classId);
                    _seen.Remove(classId);
                }
            }
        }
    }

    public Task OnClassChanged(string classId, long sequence, int instructorGeneration, ClassSummary summary)
    {
        List<string> current;
        lock (_gate)
        {
            if (!_watchers.TryGetValue(classId, out var connections) || sequence <= _seen.GetValueOrDefault(classId))
            {
                return Task.CompletedTask;
            }

            _seen[classId] = sequence;
            foreach (var stale in connections.Where(watcher => watcher.Value < instructorGeneration).Select(watcher => watcher.Key).ToList())
            {
                connections.Remove(stale);
                _classOf.Remove(stale);
            }

            current = [.. connections.Keys];
        }

        return current.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(current).ClassChanged(new ClassChangedMessage(classId, summary));
    }

    /// <summary>
    /// Registers again; a class whose log went further than this host heard (its grain moved to another silo, whose new
    /// activation knew nothing of this host) is read and passed on.
    /// </summary>
    private async Task RenewAsync(string classId)
    {
        var grain = grains.GetGrain<IClassSessionGrain>(classId);
        var sequence = await grain.Subscribe(Reference);
        bool missed;
        lock (_gate)
        {
            missed = _seen.TryGetValue(classId, out var seen) ? sequence > seen : SeeFirst(classId, sequence);
        }

        if (missed)
        {
            await OnClassChanged(classId, sequence, await grain.GetInstructorGeneration(), await grain.GetSummary());
        }
    }

    // The first registration: the watcher reads the class itself (watchClass answers with it), so nothing was missed.
    private bool SeeFirst(string classId, long sequence)
    {
        _seen[classId] = sequence;
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Renewal);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                string[] classes;
                lock (_gate)
                {
                    classes = [.. _watchers.Keys];
                }

                foreach (var classId in classes)
                {
                    try
                    {
                        await RenewAsync(classId);
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        LogRenewalFailed(classId, error);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the feed of class {ClassId}; the next renewal tries again.")]
    private partial void LogRenewalFailed(string classId, Exception error);
}
