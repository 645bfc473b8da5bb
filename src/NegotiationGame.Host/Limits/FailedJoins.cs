namespace NegotiationGame.Host.Limits;

/// <summary>
/// Joins with a wrong code, per client address, as a token bucket of its own on a <see cref="TimeProvider"/>: the
/// guard against guessing must hold exactly, so it does not depend on the partitioned limiter's housekeeping (whose
/// tick refills and drops buckets on its own schedule). Failures are rare, so one lock is enough; addresses whose
/// bucket is full again are forgotten.
/// </summary>
internal sealed class FailedJoins(TokenBucket bucket, TimeProvider clock)
{
    private const int PruneAbove = 10_000;

    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _byAddress = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly double _burst = Math.Max(1, bucket.Burst);
    private readonly TimeSpan _refillEvery = bucket.RefillEvery > TimeSpan.Zero ? bucket.RefillEvery : TimeSpan.FromSeconds(1);

    /// <summary>Null while the address may try a join; else how long until it may.</summary>
    public TimeSpan? Wait(string address)
    {
        lock (_lock)
        {
            var available = Available(address, clock.GetUtcNow());
            return available >= 1 ? null : (1 - available) * _refillEvery;
        }
    }

    /// <summary>Counts one failure; true when the address has now used up its tries.</summary>
    public bool Record(string address)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var left = Math.Max(0, Available(address, now) - 1);
            _byAddress[address] = (left, now);
            if (_byAddress.Count > PruneAbove)
            {
                foreach (var full in _byAddress.Keys.Where(key => Available(key, now) >= _burst).ToList())
                {
                    _byAddress.Remove(full);
                }
            }

            return left < 1;
        }
    }

    private double Available(string address, DateTimeOffset now) =>
        _byAddress.TryGetValue(address, out var entry)
            ? Math.Min(_burst, entry.Tokens + ((now - entry.At) / _refillEvery))
            : _burst;
}
