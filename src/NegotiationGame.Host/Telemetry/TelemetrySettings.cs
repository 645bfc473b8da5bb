namespace NegotiationGame.Host.Telemetry;

/// <summary>
/// The "NegotiationGame:Telemetry" section. The OTLP exporters need nothing here: the OpenTelemetry SDK reads the
/// standard <c>OTEL_*</c> variables itself, and they are on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public sealed class TelemetrySettings
{
    public const string Section = "NegotiationGame:Telemetry";

    /// <summary>Whether the host serves its metrics for Prometheus to scrape.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    /// <summary>Where the host serves them, on its one HTTP port.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// Meters the host does not listen to, of those it listens to by default (<paramref name="known"/> in
    /// <see cref="From"/>): an instrument nobody listens to costs its caller nothing, and a busy server's operator may
    /// trade a meter's series for that CPU (docs/performance.md measures what each costs).
    /// </summary>
    public string[] ExcludedMeters { get; set; } = [];

    public static TelemetrySettings From(IConfiguration configuration, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        try
        {
            var settings = configuration.GetSection(Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
            if (!settings.PrometheusPath.StartsWith('/'))
            {
                throw new StartupRefusedException($"{Section}:PrometheusPath must start with '/'; it is '{settings.PrometheusPath}'.");
            }

            var unknown = settings.ExcludedMeters.Where(meter => !known.Contains(meter)).ToArray();
            return unknown.Length == 0
                ? settings
                : throw new StartupRefusedException(
                    $"{Section}:ExcludedMeters names {string.Join(", ", unknown.Select(meter => $"'{meter}'"))}, which this server does not listen to; it listens to {string.Join(", ", known)}.");
        }
        catch (InvalidOperationException exception)
        {
            throw new StartupRefusedException(exception.Message, exception);
        }
    }
}
