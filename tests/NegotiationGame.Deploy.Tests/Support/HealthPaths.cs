using NegotiationGame.Host.Health;
using NegotiationGame.Host.Telemetry;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>
/// The operators' paths every node serves on its HTTP port: what compose, nginx, Prometheus and the probes name.
/// Health comes from the server's own constants; <see cref="RealNodeTests"/> asks a real node for each path.
/// </summary>
internal static class HealthPaths
{
    public const string Live = HealthEndpoints.LivePath;
    public const string Ready = HealthEndpoints.ReadyPath;

    /// <summary>The Prometheus scrape path: NegotiationGame:Telemetry:PrometheusPath's default.</summary>
    public static string Metrics => new TelemetrySettings().PrometheusPath;
}
