using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using NegotiationGame.Deploy.Tests.Support;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Deploy.Tests;

/// <summary>Grafana is provisioned with the compose stack's Prometheus and a dashboard that queries only series the server exposes.</summary>
public sealed partial class GrafanaTests
{
    /// <summary>
    /// The product's series as Prometheus names them (the shared decisions of issue 11: meter NegotiationGame), until
    /// <see cref="RealNodeTests"/> reads them from a real node's /metrics.
    /// </summary>
    private static readonly string[] ProductSeries =
    [
        "negotiationgame_commands_total",
        "negotiationgame_command_duration_seconds_bucket", "negotiationgame_command_duration_seconds_sum", "negotiationgame_command_duration_seconds_count",
        "negotiationgame_offers_resolved_total",
        "negotiationgame_agreements_total",
        "negotiationgame_store_append_duration_seconds_bucket", "negotiationgame_store_append_duration_seconds_sum", "negotiationgame_store_append_duration_seconds_count",
        "negotiationgame_store_batch_size_bucket", "negotiationgame_store_batch_size_sum", "negotiationgame_store_batch_size_count",
        "negotiationgame_games_active",
        "negotiationgame_connections",
        "negotiationgame_fanout_queue_depth",
        "negotiationgame_fanout_slow_closed_total",
    ];

    [Fact]
    public void The_data_source_is_the_compose_stacks_prometheus_and_every_panel_uses_it()
    {
        var compose = Compose.Load();
        var source = Assert.Single(Yaml.Load(RepositoryFiles.Path("deploy/grafana/provisioning/datasources/prometheus.yaml"))["datasources"].Items);
        var url = new Uri(source["url"].Text);
        Assert.True(compose.Services.Has(url.Host), url.ToString());
        Assert.Contains(compose.Service(url.Host)["command"].Texts, argument => argument == "--config.file=/etc/prometheus/prometheus.yml");
        Assert.Equal(9090, url.Port);

        foreach (var panel in Panels())
        {
            Assert.Equal(source["uid"].Text, panel.GetProperty("datasource").GetProperty("uid").GetString());
        }
    }

    [Fact]
    public void The_dashboard_folder_grafana_loads_is_the_one_compose_mounts()
    {
        var provider = Assert.Single(Yaml.Load(RepositoryFiles.Path("deploy/grafana/provisioning/dashboards/negotiationgame.yaml"))["providers"].Items);

        Assert.Contains($"./deploy/grafana/dashboards:{provider["options"]["path"].Text}:ro", Compose.Load().Service("grafana")["volumes"].Texts);
    }

    [Fact]
    public void Every_query_names_only_series_the_server_exposes()
    {
        var known = ProductSeries.Concat(OrleansSeries()).ToHashSet(StringComparer.Ordinal);
        var queried = Queries().SelectMany(query => SeriesName().Matches(query).Select(match => match.Value)).ToList();

        Assert.NotEmpty(queried);
        Assert.All(queried, series => Assert.Contains(series, known));
    }

    [Fact]
    public void The_dashboard_shows_what_issue_11_asks_for()
    {
        var queries = string.Join('\n', Queries());

        foreach (var needed in new[]
        {
            "sum by (result) (rate(negotiationgame_commands_total",
            "histogram_quantile(0.5, sum by (le) (rate(negotiationgame_command_duration_seconds_bucket",
            "histogram_quantile(0.99, sum by (le) (rate(negotiationgame_command_duration_seconds_bucket",
            "histogram_quantile(0.99, sum by (le, store) (rate(negotiationgame_store_append_duration_seconds_bucket",
            "negotiationgame_store_batch_size",
            "negotiationgame_games_active",
            "sum by (role) (negotiationgame_connections)",
            "negotiationgame_fanout_queue_depth",
            "negotiationgame_fanout_slow_closed_total",
            "orleans_",
        })
        {
            Assert.Contains(needed, queries, StringComparison.Ordinal);
        }
    }

    /// <summary>Orleans' instrument names (its internal InstrumentNames), as the Prometheus exporter writes them.</summary>
    private static IEnumerable<string> OrleansSeries() =>
        Type.GetType("Orleans.Runtime.InstrumentNames, Orleans.Core", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => ((string)field.GetRawConstantValue()!).Replace('-', '_'));

    private static IEnumerable<JsonElement> Panels()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("deploy/grafana/dashboards/negotiationgame.json")));
        return [.. dashboard.RootElement.GetProperty("panels").EnumerateArray().Select(panel => panel.Clone())];
    }

    private static IEnumerable<string> Queries() =>
        Panels().SelectMany(panel => panel.GetProperty("targets").EnumerateArray()).Select(target => target.GetProperty("expr").GetString()!);

    [GeneratedRegex(@"\b(negotiationgame|orleans)_[a-z0-9_]+")]
    private static partial Regex SeriesName();
}
