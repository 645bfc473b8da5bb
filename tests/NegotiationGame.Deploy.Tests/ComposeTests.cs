using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NegotiationGame.Deploy.Tests.Support;
using NegotiationGame.Host;
using NegotiationGame.Host.Cluster;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Tests;
using Npgsql;

namespace NegotiationGame.Deploy.Tests;

/// <summary>docker-compose.yml and the files it mounts agree with the image and with the server's settings, ports and paths.</summary>
public sealed partial class ComposeTests
{
    private readonly Compose _compose = Compose.Load();

    [Fact]
    public void Three_silos_and_the_migrate_job_run_the_one_image_the_root_Dockerfile_builds()
    {
        Assert.Equal(["silo1", "silo2", "silo3"], _compose.Silos);
        foreach (var service in _compose.Silos.Append("migrate"))
        {
            var build = _compose.Service(service)["build"];
            Assert.Equal(".", build["context"].Text);
            Assert.Equal("Dockerfile", build["dockerfile"].Text);
            Assert.True(File.Exists(RepositoryFiles.Path(build["dockerfile"].Text)));
            Assert.Equal(_compose.Service("migrate")["image"].Text, _compose.Service(service)["image"].Text);
        }
    }

    [Fact]
    public void Every_variable_a_silo_is_given_is_a_setting_of_the_server_and_arrives_as_given()
    {
        var postgres = _compose.Environment("postgres").ToDictionary();
        foreach (var silo in _compose.Silos)
        {
            var environment = _compose.Environment(silo);
            ServerEnvironment.AssertEveryVariableIsASetting(environment, $"docker-compose.yml {silo}");

            var configuration = ServerEnvironment.Configuration([.. DockerImage.Environment(), .. environment]);
            var settings = HostSettings.From(configuration);
            Assert.Equal(HostMode.Cluster, settings.Mode);
            // Compose's network resolves a service's name to its container; the node looks its own name up at start.
            Assert.Equal(silo, settings.AdvertisedAddress);
            Assert.Equal([_compose.Variables["PUBLIC_URL"]], settings.NodeUrls);
            Assert.Equal(DockerImage.HttpPort, new Uri(configuration["Urls"]!.Replace("+", "localhost", StringComparison.Ordinal)).Port);

            var connection = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(ClusterBackend.ConnectionStringName));
            Assert.Equal("postgres", connection.Host);
            Assert.Equal(postgres["POSTGRES_DB"], connection.Database);
            Assert.Equal(postgres["POSTGRES_USER"], connection.Username);
            Assert.Equal(postgres["POSTGRES_PASSWORD"], connection.Password);
        }
    }

    [Fact]
    public void The_silos_read_each_clients_address_from_what_nginx_forwards()
    {
        // Trusting the header is safe because nginx is all the outside reaches (Only_the_load_balancer_is_published_beyond_the_hosts_loopback).
        Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", File.ReadAllText(RepositoryFiles.Path("deploy/nginx/nginx.conf")), StringComparison.Ordinal);
        foreach (var silo in _compose.Silos)
        {
            Assert.Equal("true", _compose.Environment(silo).ToDictionary()["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        }
    }

    [Fact]
    public void The_silos_start_after_the_migrate_job_succeeded_which_starts_once_postgres_is_healthy()
    {
        foreach (var silo in _compose.Silos)
        {
            Assert.Equal("service_completed_successfully", _compose.Service(silo)["depends_on"]["migrate"]["condition"].Text);
        }

        Assert.Equal("service_healthy", _compose.Service("migrate")["depends_on"]["postgres"]["condition"].Text);
        Assert.Contains("pg_isready", _compose.Service("postgres")["healthcheck"]["test"].Texts);
    }

    [Fact]
    public async Task The_migrate_job_runs_the_real_command_line_and_creates_the_schema_on_a_fresh_database()
    {
        var migrate = _compose.Service("migrate");
        var arguments = migrate["command"].Texts.Select(_compose.Interpolate).ToList();
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        var composeConnection = new NpgsqlConnectionStringBuilder(arguments[arguments.IndexOf("--connection") + 1]);
        Assert.Equal("postgres", composeConnection.Host);
        arguments[arguments.IndexOf("--connection") + 1] = database.ConnectionString;

        var first = await CommandLine.RunAsync(migrate["entrypoint"].Texts, arguments);
        var again = await CommandLine.RunAsync(migrate["entrypoint"].Texts, arguments);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("applied 0001_event_store", first.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("is current", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Docker_waits_longer_for_a_stopping_silo_than_the_server_waits_for_its_services()
    {
        foreach (var silo in _compose.Silos)
        {
            var grace = _compose.Service(silo)["stop_grace_period"].Text;
            Assert.EndsWith("s", grace, StringComparison.Ordinal);
            Assert.True(TimeSpan.FromSeconds(int.Parse(grace[..^1], System.Globalization.CultureInfo.InvariantCulture)) > HostShutdown.Timeout + TimeSpan.FromSeconds(2), grace);
        }
    }

    [Fact]
    public void The_silos_health_check_asks_for_readiness_on_the_port_the_server_listens_on()
    {
        foreach (var silo in _compose.Silos)
        {
            var probe = string.Join(' ', _compose.Service(silo)["healthcheck"]["test"].Texts);
            var request = HealthProbe().Match(probe);
            Assert.True(request.Success, probe);
            Assert.Equal(DockerImage.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Groups["port"].Value);
            Assert.Equal(HealthPaths.Ready, request.Groups["path"].Value);
        }
    }

    [Fact]
    public void The_load_balancer_carries_websockets_to_every_silo_and_outwaits_signalrs_keep_alive()
    {
        var nginx = File.ReadAllText(RepositoryFiles.Path("deploy/nginx/nginx.conf"));
        var upstreams = UpstreamServer().Matches(nginx).Select(server => server.Groups["address"].Value);
        Assert.Equal(_compose.Silos.Select(silo => $"{silo}:{DockerImage.HttpPort}"), upstreams);
        Assert.Matches(@"proxy_set_header Upgrade \$http_upgrade;", nginx);
        Assert.Matches(@"proxy_set_header Connection \$connection_upgrade;", nginx);
        Assert.Matches(@"proxy_http_version 1\.1;", nginx);

        var keepAlive = new ServiceCollection().AddLogging().AddSignalR().Services.BuildServiceProvider()
            .GetRequiredService<IOptions<HubOptions>>().Value.KeepAliveInterval!.Value;
        foreach (Match timeout in ProxyTimeout().Matches(nginx))
        {
            Assert.True(TimeSpan.FromSeconds(int.Parse(timeout.Groups["seconds"].Value, System.Globalization.CultureInfo.InvariantCulture)) > 2 * keepAlive, timeout.Value);
        }

        Assert.Equal(2, ProxyTimeout().Count(nginx));
        var listen = Regex.Match(nginx, @"listen (?<port>\d+);").Groups["port"].Value;
        Assert.Equal([$"{_compose.Variables["PUBLIC_PORT"]}:{listen}"], _compose.Service("loadbalancer")["ports"].Texts.Select(_compose.Interpolate));
    }

    [Fact]
    public void Only_the_load_balancer_is_published_beyond_the_hosts_loopback()
    {
        foreach (var (name, service) in _compose.Services.Entries)
        {
            foreach (var port in service.Find("ports")?.Texts ?? [])
            {
                Assert.True(name == "loadbalancer" || port.StartsWith("127.0.0.1:", StringComparison.Ordinal), $"{name} publishes {port} on every interface.");
            }
        }
    }

    [Fact]
    public void Secrets_are_required_variables_whose_example_values_are_placeholders()
    {
        var raw = File.ReadAllText(RepositoryFiles.Path("docker-compose.yml"));
        Assert.DoesNotMatch(@"Password=[^$]", raw);
        foreach (var secret in new[] { "POSTGRES_PASSWORD", "GRAFANA_ADMIN_PASSWORD" })
        {
            Assert.Contains($"${{{secret}:?", raw, StringComparison.Ordinal);
            Assert.StartsWith("change-me", _compose.Variables[secret], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Prometheus_scrapes_every_silos_metrics_path_on_the_servers_port()
    {
        var scrape = Assert.Single(Yaml.Load(RepositoryFiles.Path("deploy/prometheus/prometheus.yml"))["scrape_configs"].Items);

        Assert.Equal(HealthPaths.Metrics, scrape["metrics_path"].Text);
        Assert.Equal(_compose.Silos.Select(silo => $"{silo}:{DockerImage.HttpPort}"), Assert.Single(scrape["static_configs"].Items)["targets"].Texts);
    }

    [Fact]
    public void The_silos_send_otlp_to_the_collectors_grpc_receiver()
    {
        var collector = Yaml.Load(RepositoryFiles.Path("deploy/otel-collector/config.yaml"));
        var receiver = new Uri($"http://{collector["receivers"]["otlp"]["protocols"]["grpc"]["endpoint"].Text}");
        foreach (var silo in _compose.Silos)
        {
            var environment = _compose.Environment(silo).ToDictionary();
            var endpoint = new Uri(environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("otel-collector", endpoint.Host);
            Assert.True(_compose.Services.Has(endpoint.Host));
            Assert.Equal(receiver.Port, endpoint.Port);
            Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        }
    }

    [GeneratedRegex(@"/dev/tcp/127\.0\.0\.1/(?<port>\d+).*GET (?<path>\S+) HTTP")]
    private static partial Regex HealthProbe();

    [GeneratedRegex(@"^\s*server (?<address>[A-Za-z0-9.-]+:\d+)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"proxy_(read|send)_timeout (?<seconds>\d+)s;")]
    private static partial Regex ProxyTimeout();
}
