using NegotiationGame.Deploy.Tests.Support;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Deploy.Tests;

/// <summary>
/// Grafana is provisioned with the compose stack's Prometheus and a dashboard of what issue 11 asks for; that its
/// series are all served, <see cref="RealNodeTests"/> reads from a real node's /metrics.
/// </summary>
public sealed class GrafanaTests
{
    [Fact]
    public void The_data_source_is_the_compose_stacks_prometheus_and_every_panel_uses_it()
    {
        var compose = Compose.Load();
        var source = Assert.Single(Yaml.Load(RepositoryFiles.Path("deploy/grafana/provisioning/datasources/prometheus.yaml"))["datasources"].Items);
        var url = new Uri(source["url"].Text);
        Assert.True(compose.Services.Has(url.Host), url.ToString());
        Assert.Contains(compose.Service(url.Host)["command"].Texts, argument => argument == "--config.file=/etc/prometheus/prometheus.yml");
        Assert.Equal(9090, url.Port);

        foreach (var panel in GrafanaDashboard.Panels())
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
    public void The_dashboard_shows_what_issue_11_asks_for()
    {
        var queries = string.Join('\n', GrafanaDashboard.Queries());

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
}
