using Microsoft.Extensions.Diagnostics.HealthChecks;
using NegotiationGame.Storage;

namespace NegotiationGame.Host.Health;

/// <summary>
/// Ready only while the store answers its probe within <see cref="Patience"/>. A probe started less than
/// <see cref="Reuse"/> ago serves every check that comes meanwhile, so that however often load balancers ask, the
/// database sees about one probe a second per node; and a probe that hangs (a database that accepts connections but
/// answers nothing) makes each check fail after <see cref="Patience"/> rather than hang with it.
/// </summary>
internal sealed partial class StoreHealthCheck(IStoreProbe store, TimeProvider clock, ILogger<StoreHealthCheck> logger) : IHealthCheck
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _latest;
    private long _latestStarted;
    private bool _refusing;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<HealthCheckResult> probe;
        lock (_gate)
        {
            if (_latest is null || clock.GetElapsedTime(_latestStarted) >= Reuse)
            {
                _latestStarted = clock.GetTimestamp();

                // On the thread pool: a store whose probe blocks before its first await (a disk that hangs in open)
                // must not hold this lock or the caller's thread.
                _latest = Task.Run(ProbeAsync, CancellationToken.None);
            }

            probe = _latest;
        }

        return probe.WaitAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        using var giveUp = new CancellationTokenSource(Patience, clock);
        try
        {
            // The token asks the store to stop; waiting on it too holds the bound even for a store that ignores it.
            await store.ProbeAsync(giveUp.Token).WaitAsync(giveUp.Token).ConfigureAwait(false);
            _refusing = false;
            return HealthCheckResult.Healthy();
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the store did not answer within {Patience.TotalSeconds} s");
        }
#pragma warning disable CA1031 // Whatever the store throws means it did not answer: the check reports it rather than fail the request.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // The exception goes to the server's log only, once for each time the store starts refusing; the response
            // shows the fixed description.
            if (!_refusing)
            {
                _refusing = true;
                LogRefused(logger, exception);
            }

            return HealthCheckResult.Unhealthy("the store refused the probe");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store refused the readiness probe; /healthz/ready fails until it answers again")]
    private static partial void LogRefused(ILogger logger, Exception exception);
}
