namespace NegotiationGame.Host;

/// <summary>
/// How long a stopping server waits for its services before it abandons them. Deployments give the process longer
/// than this before they kill it (compose's stop_grace_period, Kubernetes' terminationGracePeriodSeconds).
/// </summary>
public static class HostShutdown
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(8);
}
