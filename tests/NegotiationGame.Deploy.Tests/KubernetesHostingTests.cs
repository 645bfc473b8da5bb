using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NegotiationGame.Host;
using NegotiationGame.Deploy.Tests.Support;
using NegotiationGame.Host.Cluster;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace NegotiationGame.Deploy.Tests;

/// <summary>
/// The tests that set the process's own environment (POD_*, as the kubelet and the Deployment do) run alone, after
/// every other test, so that no server another test starts inherits it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedProcessEnvironment
{
    public const string Name = "process environment";
}

/// <summary>A cluster node in a pod uses Orleans' Kubernetes hosting with the pod's name and IP, and keeps the ids its settings give.</summary>
[Collection(SharedProcessEnvironment.Name)]
public sealed class KubernetesHostingTests
{
    private static readonly Dictionary<string, string> Pod = new(StringComparer.Ordinal)
    {
        [KubernetesPod.ApiServerVariable] = "10.96.0.1",
        [KubernetesHostingOptions.PodNameEnvironmentVariable] = "negotiationgame-7d9f8c6b5-x2k4q",
        [KubernetesHostingOptions.PodNamespaceEnvironmentVariable] = "negotiationgame",
        [KubernetesHostingOptions.PodIPEnvironmentVariable] = "10.244.1.7",
        // Orleans' hosting would take these over the node's own settings; the node's settings must stay the ids.
        [KubernetesHostingOptions.ClusterIdEnvironmentVariable] = "not-the-settings-cluster",
        [KubernetesHostingOptions.ServiceIdEnvironmentVariable] = "not-the-settings-service",
    };

    [Fact]
    public void Outside_a_pod_there_is_no_pod()
    {
        Assert.Null(KubernetesPod.From(name => name == KubernetesPod.ApiServerVariable ? null : Pod.GetValueOrDefault(name)));
        Assert.Null(KubernetesPod.From(name => name == KubernetesHostingOptions.PodNamespaceEnvironmentVariable ? null : Pod.GetValueOrDefault(name)));
        Assert.Equal(new KubernetesPod("negotiationgame-7d9f8c6b5-x2k4q", "negotiationgame", "10.244.1.7"), KubernetesPod.From(Pod.GetValueOrDefault));
    }

    [Fact]
    public async Task In_a_pod_the_silo_is_named_after_it_advertises_its_ip_and_keeps_the_settings_ids()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(database.ConnectionString);
        using var environment = ProcessEnvironment.Set(Pod);

        var silo = await SiloOf(database.ConnectionString);

        Assert.Equal(IPAddress.Parse("10.244.1.7"), silo.Endpoints.AdvertisedIPAddress);
        Assert.Equal(new HostSettings().SiloPort, silo.Endpoints.SiloPort);
        Assert.Equal(new IPEndPoint(IPAddress.Any, new HostSettings().SiloPort), silo.Endpoints.SiloListeningEndpoint);
        Assert.Equal("negotiationgame-7d9f8c6b5-x2k4q", silo.Name);
        Assert.Equal(("negotiationgame", "negotiationgame"), (silo.Cluster.ClusterId, silo.Cluster.ServiceId));
        Assert.True(silo.WatchesPods);
    }

    [Fact]
    public async Task Outside_a_pod_the_node_neither_asks_kubernetes_nor_starts_without_an_address()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(database.ConnectionString);
        using var environment = ProcessEnvironment.Set(Pod.ToDictionary(variable => variable.Key, variable => variable.Key == KubernetesPod.ApiServerVariable ? "" : variable.Value));

        var silo = await SiloOf(database.ConnectionString, advertisedAddress: "127.0.0.1");

        Assert.False(silo.WatchesPods);
        Assert.Equal(IPAddress.Loopback, silo.Endpoints.AdvertisedIPAddress);
        await Assert.ThrowsAsync<StartupRefusedException>(() => SiloOf(database.ConnectionString));
    }

    /// <summary>The silo a cluster node on <paramref name="connectionString"/> would run, configured but not started.</summary>
    private static async Task<(EndpointOptions Endpoints, string Name, ClusterOptions Cluster, bool WatchesPods)> SiloOf(string connectionString, string? advertisedAddress = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NegotiationGame:Mode"] = "Cluster",
            [$"ConnectionStrings:{ClusterBackend.ConnectionStringName}"] = connectionString,
            ["NegotiationGame:AdvertisedAddress"] = advertisedAddress,
        }).Build();
        await using var backend = await HostBackend.OpenAsync(configuration, HostSettings.From(configuration));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.UseOrleans(backend.ConfigureSilo);
        var watchesPods = builder.Services.Any(service => service.ImplementationType == typeof(KubernetesClusterAgent));
        using var host = builder.Build();
        return (
            host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value,
            host.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName,
            host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value,
            watchesPods);
    }
}
