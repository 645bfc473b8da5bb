using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Host.Dashboard;
using NegotiationGame.Host.Health;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Storage.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NegotiationGame.Host.Telemetry;

/// <summary>
/// The host's OpenTelemetry: metrics always (scraped at <see cref="TelemetrySettings.PrometheusPath"/>, and pushed
/// over OTLP when an endpoint is configured), traces and logs over OTLP only when an endpoint is configured, so that
/// a server nobody traces creates no spans at all. The OTLP exporter reads the standard <c>OTEL_*</c> settings itself.
/// </summary>
public static class TelemetryExtensions
{
    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string ServiceNameVariable = "OTEL_SERVICE_NAME";
    private const string DefaultServiceName = "negotiationgame";

    /// <summary>The activity source behind SignalR's span of each hub method call.</summary>
    private const string SignalRServerSource = "Microsoft.AspNetCore.SignalR.Server";

    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Lifecycle"];

    private static readonly string[] Meters =
    [
        ProductTelemetry.Name,
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.RateLimiting",
    ];

    /// <summary>The most tag combinations a stream of another library's instrument keeps apart (<see cref="ShapeStreams"/>).</summary>
    public const int OtherStreamsCardinalityLimit = 200;

    // What the runtime instrumentation listens to: the runtime's own meter on .NET 9 and later, its own before.
    private static readonly string[] RuntimeMeters = ["System.Runtime", "OpenTelemetry.Instrumentation.Runtime"];

    /// <summary>
    /// Wires metrics, traces and the silo's trace propagation, and counts hub commands. Called before SignalR is
    /// added, so that the command filter is the outermost and also sees calls the limits refuse.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = TelemetrySettings.From(builder.Configuration, [.. Meters, .. RuntimeMeters]);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<CommandMetricsFilter>();
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<CommandMetricsFilter>());

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource =>
        {
            if (string.IsNullOrWhiteSpace(builder.Configuration[ServiceNameVariable]))
            {
                resource.AddService(DefaultServiceName, serviceVersion: typeof(TelemetryExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
            }
        });
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(Meters).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
            metrics.ShapeStreams(settings.ExcludedMeters);

            if (settings.PrometheusEnabled)
            {
                metrics.AddPrometheusExporter();
            }
        });
        if (otlp)
        {
            // The hub calls the grains through the silo's own client, so the silo's filters carry the trace both ways.
            // Only when traced: the filters wrap every grain call, in and out, in an invoker of their own and read the
            // call's interface, name and request context, even when no span is to be made.
            builder.UseOrleans(silo => silo.AddActivityPropagation());
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => IsTraced(context, settings))
                .AddSource(SignalRServerSource)
                .AddSource(OrleansSources)
                .AddSource(ProductTelemetry.Name)
                .AddNpgsql());
            telemetry.WithLogging();
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Drops every stream of the named meters, and bounds the tag combinations of the other libraries' streams. A
    /// dropped stream is one the SDK does not listen to, so the instrument stays disabled (<c>Instrument.Enabled</c>
    /// is false) and its callers skip recording altogether. The SDK allocates every stream's points up front, 2,000 by
    /// default: with the 130 or so streams of ASP.NET Core, Kestrel, Orleans and the runtime that was 19 MB of heap
    /// from the start, for instruments whose tags take a few dozen values. Beyond the limit the SDK still counts, under
    /// one overflow point (<c>otel.metric.overflow</c>). The product's own instruments keep the SDK's default.
    /// </summary>
    public static MeterProviderBuilder ShapeStreams(this MeterProviderBuilder metrics, IReadOnlyCollection<string> excluded)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(excluded);
        var names = excluded.ToHashSet(StringComparer.Ordinal);
        return metrics.AddView(instrument =>
            names.Contains(instrument.Meter.Name) ? MetricStreamConfiguration.Drop
            : instrument.Meter.Name == ProductTelemetry.Name ? null
            : new MetricStreamConfiguration { CardinalityLimit = OtherStreamsCardinalityLimit });
    }

    /// <summary>Serves the scrape endpoint, when it is on.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<TelemetrySettings>();
        if (settings.PrometheusEnabled)
        {
            app.MapPrometheusScrapingEndpoint(settings.PrometheusPath);
        }

        return app;
    }

    /// <summary>Scrapes, probes and the dashboard's polling come every few seconds and say nothing about the game: they are not traced.</summary>
    private static bool IsTraced(HttpContext context, TelemetrySettings settings) =>
        !context.Request.Path.StartsWithSegments(settings.PrometheusPath, StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments(HealthEndpoints.AliasPath, StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments(OperatorDashboard.PathPrefix, StringComparison.OrdinalIgnoreCase);
}
