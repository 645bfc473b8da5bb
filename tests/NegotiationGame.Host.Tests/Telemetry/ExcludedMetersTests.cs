using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using NegotiationGame.Host.Telemetry;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Tests;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace NegotiationGame.Host.Tests.Telemetry;

/// <summary>NegotiationGame:Telemetry:ExcludedMeters: a meter the operator excludes is not listened to, so its instruments record nothing.</summary>
public sealed class ExcludedMetersTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void An_excluded_meter_stays_disabled_while_the_others_are_listened_to()
    {
        using var kept = new Meter("NegotiationGame.Tests.Kept");
        using var dropped = new Meter("NegotiationGame.Tests.Dropped");
        // The SDK listens only when some reader will collect; this one collects and discards.
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(kept.Name, dropped.Name).ExcludeMeters([dropped.Name])
            .AddReader(new BaseExportingMetricReader(new DiscardingExporter())).Build();

        var keptCounter = kept.CreateCounter<long>("kept");
        var droppedCounter = dropped.CreateCounter<long>("dropped");

        Assert.True(keptCounter.Enabled);
        Assert.False(droppedCounter.Enabled);
    }

    [Fact]
    public void A_meter_the_server_does_not_listen_to_is_refused_at_startup_with_the_names_it_does()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NegotiationGame:Telemetry:ExcludedMeters:0"] = "Microsoft.Orleans",
            ["NegotiationGame:Telemetry:ExcludedMeters:1"] = "Microsoft.Orlens",
        }).Build();

        var refused = Assert.Throws<StartupRefusedException>(() => TelemetrySettings.From(configuration, ["NegotiationGame", "Microsoft.Orleans"]));

        Assert.Contains("'Microsoft.Orlens'", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Microsoft.Orleans'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("NegotiationGame, Microsoft.Orleans", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_excludes_Orleans_meter_serves_no_Orleans_series_and_still_its_own()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["NegotiationGame__Telemetry__ExcludedMeters__0"] = "Microsoft.Orleans",
        });
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        (await connection.CallAsync("startClass", new { token = created.GetProperty("instructorToken").GetString(), bots = "linear" })).Ok();

        PrometheusText? metrics = null;
        await Polling.UntilAsync(
            async () =>
            {
                metrics = new PrometheusText(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
                return metrics.Sum("negotiationgame_games_active") >= 1 && metrics.Names.Contains("kestrel_active_connections");
            },
            Patience,
            () => $"the product's and Kestrel's series on /metrics; it served:\n{metrics?.Text}");

        Assert.DoesNotContain(metrics!.Names, name => name.StartsWith("orleans_", StringComparison.Ordinal));
    }

    private sealed class DiscardingExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
