namespace NegotiationGame.Host.Relay;

/// <summary>
/// Passes on a game's spectator count at most once per interval: a change after a quiet interval goes out at once,
/// changes within one are folded into a single message with the latest count at the interval's end. A thousand
/// spectators arriving together cost their watchers a few messages, not a thousand each.
/// </summary>
public sealed class SpectatorCountThrottle : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly Action<int> _publish;
    private readonly Lock _gate = new();
    private DateTimeOffset _lastPublished = DateTimeOffset.MinValue;
    private ITimer? _pending;
    private int _latest;
    private bool _disposed;

    public SpectatorCountThrottle(TimeProvider clock, TimeSpan interval, Action<int> publish)
    {
        _clock = clock;
        _interval = interval;
        _publish = publish;
    }

    /// <summary>The latest count heard, for summaries.</summary>
    public int Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    public void Report(int count)
    {
        lock (_gate)
        {
            _latest = count;
            if (_pending is not null || _disposed)
            {
                return;
            }

            var now = _clock.GetUtcNow();
            var wait = _lastPublished == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastPublished + _interval - now;
            if (wait <= TimeSpan.Zero)
            {
                _lastPublished = now;
                _publish(count);
                return;
            }

            _pending = _clock.CreateTimer(_ => PublishLatest(), null, wait, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending?.Dispose();
            _pending = null;
        }
    }

    private void PublishLatest()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending?.Dispose();
            _pending = null;
            _lastPublished = _clock.GetUtcNow();
            _publish(_latest);
        }
    }
}
