using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NegotiationGame.LoadTests.Baselines;

/// <summary>The hidden <c>echo-hub</c> command: the bare hub on a loopback port, in a process of its own, until it is killed.</summary>
internal static class EchoHubServer
{
    public const string ReadyLine = "echo hub listening";

    public static async Task RunAsync(int port, bool fanOut, TextWriter output)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(new EchoGames(fanOut));
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<EchoHub>("/hubs/game");
        await app.StartAsync();
        output.WriteLine(ReadyLine);
        await output.FlushAsync();
        await app.WaitForShutdownAsync();
    }
}
