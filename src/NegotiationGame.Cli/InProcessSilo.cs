using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationGame.Grains;
using NegotiationGame.Storage;

namespace NegotiationGame.Cli;

/// <summary>A real Orleans silo inside the command-line process, on a free loopback port, for one command's work.</summary>
internal sealed class InProcessSilo(IHost host) : IAsyncDisposable
{
    public IGrainFactory Grains { get; } = host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<InProcessSilo> StartAsync<TStore>(TStore store)
        where TStore : class, IEventStore, IDeadlineSchedule
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            // Orleans refuses silo port 0, so the silo gets a port the OS just handed out; gateway port 0 starts no
            // gateway, which the command does not need since it calls its grains from inside the silo.
            silo.UseLocalhostClustering(siloPort: FreeLoopbackPort(), gatewayPort: 0, serviceId: "negotiationgame-cli", clusterId: $"cli-{Environment.ProcessId}");
            silo.Services.AddGameRuntime(store);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
