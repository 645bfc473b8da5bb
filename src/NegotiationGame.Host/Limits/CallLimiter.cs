using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace NegotiationGame.Host.Limits;

/// <summary>
/// The hub's rate limits. Per address and per class, one partitioned token bucket per limit (System.Threading.RateLimiting,
/// the limiters behind ASP.NET Core's rate-limiting middleware, which itself only sees HTTP requests and not hub
/// calls): partitions of full buckets are dropped by the limiter, so an idle address costs nothing, and each bucket
/// refills itself, the partitioned limiter's own tick adding a period's tokens every 100 ms whatever the period. Per
/// connection, where every call is charged, <see cref="ConnectionBuckets"/> refilled on use, forgotten at disconnect.
/// </summary>
public sealed class CallLimiter : IDisposable
{
    private readonly ConcurrentDictionary<string, ConnectionBuckets> _connections = new(StringComparer.Ordinal);
    private readonly AbuseLimits _limits;
    private readonly TimeProvider _clock;
    private readonly PartitionedRateLimiter<string> _createPerConnection;
    private readonly PartitionedRateLimiter<string> _createPerAddress;
    private readonly PartitionedRateLimiter<string> _uploadsPerAddress;
    private readonly PartitionedRateLimiter<string> _joinPerAddress;
    private readonly PartitionedRateLimiter<string> _joinPerClass;
    private readonly FailedJoins _failedJoins;

    public CallLimiter(AbuseLimits limits, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
        _clock = clock;
        _createPerConnection = Create(limits.CreateClassPerConnection);
        _createPerAddress = Create(limits.CreateClassPerAddress);
        _uploadsPerAddress = Create(limits.UploadsPerAddress);
        _joinPerAddress = Create(limits.JoinPerAddress);
        _joinPerClass = Create(limits.JoinPerClass);
        _failedJoins = new FailedJoins(limits.FailedJoinsPerAddress, clock);
    }

    /// <summary>
    /// Takes what a call costs; null when it may go on, else how long the caller should wait. <paramref name="uploads"/>:
    /// the call carries a scenario file to check.
    /// </summary>
    public TimeSpan? TryCall(string method, string connectionId, string address, string? classId, bool uploads = false)
    {
        var now = _clock.GetUtcNow();
        var buckets = _connections.GetOrAdd(connectionId, static (_, state) => new ConnectionBuckets(state.Limits.CallsPerConnection, state.Limits.CommandsPerConnection, state.Now), (Limits: _limits, Now: now));
        if (buckets.TryTake(method is "Act" or "Instruct" or "InstructClass", now) is { } wait)
        {
            return wait;
        }

        return method switch
        {
            "CreateClass" => Take(_createPerConnection, connectionId) ?? Take(_createPerAddress, address) ?? (uploads ? Take(_uploadsPerAddress, address) : null),
            "UploadScenario" or "ImportGenius" => Take(_uploadsPerAddress, address),
            "JoinClass" or "RejoinClass" or "AskForSeat" => _failedJoins.Wait(address) ?? Take(_joinPerAddress, address) ?? (classId is null ? null : Take(_joinPerClass, classId)),

            // A waiting student asks every few seconds with a secret it holds: only an address that has been guessing waits.
            "CollectSeat" => _failedJoins.Wait(address),
            _ => null,
        };
    }

    /// <summary>Drops a closed connection's buckets.</summary>
    public void Forget(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Counts a join with a wrong code or seat secret against the address; true when the address has now used up its tries.</summary>
    public bool RecordFailedJoin(string address) => _failedJoins.Record(address);

    public void Dispose()
    {
        foreach (var limiter in new[] { _createPerConnection, _createPerAddress, _uploadsPerAddress, _joinPerAddress, _joinPerClass })
        {
            limiter.Dispose();
        }
    }

    private static TimeSpan? Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);

    internal static TokenBucketRateLimiterOptions Options(TokenBucket bucket) => new()
    {
        TokenLimit = Math.Max(1, bucket.Burst),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = bucket.RefillEvery > TimeSpan.Zero ? bucket.RefillEvery : TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static PartitionedRateLimiter<string> Create(TokenBucket bucket) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => Options(bucket)), StringComparer.Ordinal);
}
