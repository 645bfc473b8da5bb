using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationGame.Grains;
using NegotiationGame.Tests;
using NegotiationGame.Storage;

namespace NegotiationGame.LoadTests;

/// <summary>
/// One silo and one separate Orleans client in this process, talking over the loopback gateway: every call is
/// serialised and crosses a socket, as it would from a web front end to a silo.
/// </summary>
internal sealed class LoopbackCluster : IAsyncDisposable
{
    private readonly IHost _silo;
    private readonly IHost _client;

    private LoopbackCluster(IHost silo, IHost client)
    {
        _silo = silo;
        _client = client;
        Client = client.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public IServiceProvider SiloServices => _silo.Services;

    public static async Task<LoopbackCluster> StartAsync<TStore>(TStore store)
        where TStore : class, IEventStore, IDeadlineSchedule
    {
        var siloPort = LoopbackPorts.FindFree();
        var gatewayPort = LoopbackPorts.FindFree();
        var clusterId = $"load-{Guid.NewGuid():N}";

        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Logging.ClearProviders();
        siloBuilder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "negotiationgame-load", clusterId: clusterId);
            silo.Services.AddGameRuntime(store);
        });
        var silo = siloBuilder.Build();
        await silo.StartAsync();

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Logging.ClearProviders();
        clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, serviceId: "negotiationgame-load", clusterId: clusterId));
        var client = clientBuilder.Build();
        await client.StartAsync();
        return new LoopbackCluster(silo, client);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        await _silo.StopAsync();
        _silo.Dispose();
    }
}
