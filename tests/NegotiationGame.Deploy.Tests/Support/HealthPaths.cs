namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>
/// The operators' paths every node serves on its HTTP port (the shared decisions of issue 11): what compose, nginx,
/// Prometheus and the probes name. <see cref="RealNodeTests"/> asks a real node for each of them.
/// </summary>
internal static class HealthPaths
{
    public const string Live = "/healthz/live";
    public const string Ready = "/healthz/ready";
    public const string Metrics = "/metrics";
}
