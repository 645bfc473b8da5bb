using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NegotiationGame.Host.Health;

/// <summary>
/// Ready only while this node's silo is Active in membership as this node reads it: not while it is still joining, once
/// it has begun to shut down, or when the cluster has declared it dead. Embedded, the membership is the localhost one.
/// </summary>
internal sealed class SiloHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"this silo is {status} in membership, not Active"));
    }
}
