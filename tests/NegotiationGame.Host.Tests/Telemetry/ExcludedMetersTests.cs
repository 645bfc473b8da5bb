using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using NegotiationGame.Host.Telemetry;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage.Telemetry;
using NegotiationGame.Tests;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace NegotiationGame.Host.Tests.Telemetry;

/// <summary>
/// NegotiationGame:Telemetry:ExcludedMeters: a meter the operator excludes is not listened to, so its instruments
/// record nothing; and the other libraries' streams keep a bounded number of tag combinations, the product's the SDK's.
/// </summary>
public sealed class ExcludedMetersTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void An_excluded_meter_stays_disabled_while_the_others_are_listened_to()
    {
        using var kept = new Meter("NegotiationGame.Tests.Kept");
        using var dropped = new Meter("NegotiationGame.Tests.Dropped");
        // The SDK listens only when some reader will collect; this one collects and discards.
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(kept.Name, dropped.Name).ShapeStreams([dropped.Name])
            .AddReader(new BaseExportingMetricReader(new DiscardingExporter())).Build();

        var keptCounter = kept.CreateCounter<long>("kept");
        var droppedCounter = dropped.CreateCounter<long>("dropped");

        Assert.True(keptCounter.Enabled);
        Assert.False(droppedCounter.Enabled);
    }

    [Fact]
    public void Another_librarys_stream_keeps_a_bounded_number_of_tag_combinations_and_the_products_keeps_them_all()
    {
        using var library = new Meter("NegotiationGame.Tests.Library");
        using var product = new Meter(ProductTelemetry.Name);
        var exporter = new PointCountingExporter("library.calls", "negotiationgame.tests.calls");
        using var reader = new BaseExportingMetricReader(exporter);
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(library.Name, product.Name).ShapeStreams([]).AddReader(reader).Build();
        var libraryCounter = library.CreateCounter<long>("library.calls");
        var productCounter = product.CreateCounter<long>("negotiationgame.tests.calls");

        for (var value = 0; value < 500; value++)
        {
            libraryCounter.Add(1, new KeyValuePair<string, object?>("value", value));
            productCounter.Add(1, new KeyValuePair<string, object?>("value", value));
        }

        Assert.True(reader.Collect());
        // The limit's points, and one more: the overflow, which counts everything beyond them.
        Assert.Equal(TelemetryExtensions.OtherStreamsCardinalityLimit + 1, exporter.Points["library.calls"]);
        Assert.Equal(500, exporter.Points["negotiationgame.tests.calls"]);
        Assert.Equal(500, exporter.Sums["library.calls"]);
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

    /// <summary>
    /// Counts the named streams' points and sums their values. Other tests in this process create the product's own
    /// meters, which this provider listens to as well; their histograms have no long sum, so only the named streams
    /// are read.
    /// </summary>
    private sealed class PointCountingExporter(params string[] names) : BaseExporter<Metric>
    {
        public Dictionary<string, int> Points { get; } = [];

        public Dictionary<string, long> Sums { get; } = [];

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                if (!names.Contains(metric.Name))
                {
                    continue;
                }

                var points = 0;
                var sum = 0L;
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    points++;
                    sum += point.GetSumLong();
                }

                Points[metric.Name] = points;
                Sums[metric.Name] = sum;
            }

            return ExportResult.Success;
        }
    }

    private sealed class DiscardingExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
