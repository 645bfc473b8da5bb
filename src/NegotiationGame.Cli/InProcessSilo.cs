using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationGame.Grains;
using NegotiationGame.Grains.Hosting;
using NegotiationGame.Storage;

namespace NegotiationGame.Cli;

/// <summary>A real Orleans silo inside the command-line process, on free loopback ports, for one command's work.</summary>
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
            silo.UseLocalhostClustering(siloPort: LoopbackPorts.FindFree(), gatewayPort: LoopbackPorts.FindFree(), serviceId: "negotiationgame-cli", clusterId: $"cli-{Environment.ProcessId}");
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
}
