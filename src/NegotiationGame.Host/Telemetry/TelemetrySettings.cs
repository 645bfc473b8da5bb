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

    public static TelemetrySettings From(IConfiguration configuration)
    {
        try
        {
            var settings = configuration.GetSection(Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
            return settings.PrometheusPath.StartsWith('/')
                ? settings
                : throw new StartupRefusedException($"{Section}:PrometheusPath must start with '/'; it is '{settings.PrometheusPath}'.");
        }
        catch (InvalidOperationException exception)
        {
            throw new StartupRefusedException(exception.Message, exception);
        }
    }
}
