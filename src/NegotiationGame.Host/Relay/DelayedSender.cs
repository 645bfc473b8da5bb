using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Host.Hubs;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// Sends a game's events to its spectators' group in order, each no sooner than the spectator delay after it
/// happened, so that a live classroom cannot be coached from the audience.
/// </summary>
public sealed class DelayedSender : IDisposable
{
    private readonly IHubContext<GameHub> _hub;
    private readonly string _group;
    private readonly TimeSpan _delay;
    private readonly Channel<(DateTimeOffset Due, object Message)> _queue = Channel.CreateUnbounded<(DateTimeOffset, object)>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    public DelayedSender(IHubContext<GameHub> hub, string group, TimeSpan delay)
    {
        _hub = hub;
        _group = group;
        _delay = delay;
        if (delay > TimeSpan.Zero)
        {
            _ = Task.Run(SendWhenDueAsync);
        }
    }

    /// <summary>Sends at once when there is no delay (the caller awaits it, keeping order); queues otherwise.</summary>
    public Task SendAsync(DateTimeOffset at, object message)
    {
        if (_delay <= TimeSpan.Zero)
        {
            return _hub.Clients.Group(_group).SendAsync("gameEvent", message);
        }

        _queue.Writer.TryWrite((at + _delay, message));
        return Task.CompletedTask;
    }

    /// <summary>Stops sending; safe to call more than once (the container disposes the relay once per registration).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task SendWhenDueAsync()
    {
        // Taken once: the token stays usable after Dispose has disposed its source.
        var stop = _stop.Token;
        try
        {
            await foreach (var (due, message) in _queue.Reader.ReadAllAsync(stop))
            {
                var wait = due - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }

                await _hub.Clients.Group(_group).SendAsync("gameEvent", message, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }
}
