namespace NegotiationGame.Host.Limits;

/// <summary>
/// One connection's two buckets (every call, and commands), refilled from the clock when they are used. A
/// partitioned limiter refills every partition on a 100 ms tick, and with a partition per connection that tick walked
/// thousands of buckets ten times a second whether anyone called or not; these cost nothing between calls. SignalR
/// runs one call of a connection at a time, so the lock is never contended.
/// </summary>
internal sealed class ConnectionBuckets(TokenBucket calls, TokenBucket commands, DateTimeOffset now)
{
    private readonly Lock _lock = new();
    private readonly Refill _calls = new(calls, now);
    private readonly Refill _commands = new(commands, now);

    /// <summary>Takes a call (and a command, when it is one); null when it may go on, else how long to wait.</summary>
    public TimeSpan? TryTake(bool isCommand, DateTimeOffset now)
    {
        lock (_lock)
        {
            _calls.Update(now);
            _commands.Update(now);
            if (_calls.Wait() is { } callWait)
            {
                return callWait;
            }

            if (isCommand && _commands.Wait() is { } commandWait)
            {
                return commandWait;
            }

            _calls.Take();
            if (isCommand)
            {
                _commands.Take();
            }

            return null;
        }
    }

    private sealed class Refill(TokenBucket bucket, DateTimeOffset start)
    {
        private readonly double _burst = Math.Max(1, bucket.Burst);
        private readonly TimeSpan _every = bucket.RefillEvery > TimeSpan.Zero ? bucket.RefillEvery : TimeSpan.FromSeconds(1);
        private double _tokens = Math.Max(1, bucket.Burst);
        private DateTimeOffset _at = start;

        public void Update(DateTimeOffset now)
        {
            if (now > _at)
            {
                _tokens = Math.Min(_burst, _tokens + ((now - _at) / _every));
                _at = now;
            }
        }

        public TimeSpan? Wait() => _tokens >= 1 ? null : (1 - _tokens) * _every;

        public void Take() => _tokens -= 1;
    }
}
