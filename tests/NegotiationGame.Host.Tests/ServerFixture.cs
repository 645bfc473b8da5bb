using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests;

/// <summary>
/// The real server (silo, hub, UI) on a free loopback port with its own SQLite file, for a whole test class. Its
/// clock is <see cref="Clock"/>: real time, which a test may move forward instead of waiting.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("negotiationgame-host-").FullName;
    private WebApplicationFactory<Program> _factory = null!;

    public Uri Address { get; private set; } = null!;

    public ShiftedClock Clock { get; } = new();

    /// <summary>Everything the server logged at warning or above.</summary>
    public LogSink Warnings { get; } = new();

    /// <summary>The server's services, for a test that looks inside (the relay) or reaches a grain directly.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>Where a derived fixture replaces services (a fake clock) after the server has registered its own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("urls", "http://127.0.0.1:0");
            host.UseSetting("NegotiationGame:DataPath", Path.Combine(_directory, "negotiationgame.db"));
            host.UseSetting("NegotiationGame:SiloPort", LoopbackPorts.FindFree().ToString(System.Globalization.CultureInfo.InvariantCulture));
            host.UseSetting("NegotiationGame:GatewayPort", LoopbackPorts.FindFree().ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (key, value) in Settings)
            {
                host.UseSetting(key, value);
            }

            host.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<ILoggerProvider>(Warnings);
                ConfigureServices(services);
            });
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First());
        return Task.CompletedTask;
    }

    /// <summary>Configuration a derived fixture sets for its server (limits, lifetimes).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A started SignalR connection to the hub, over a real socket.</summary>
    public async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(Address, "/hubs/game")).Build();
        await connection.StartAsync();
        return connection;
    }
}

/// <summary>Hub calls whose answers are read as JSON, the way any client in any language reads them.</summary>
internal static class HubCalls
{
    public static async Task<JsonElement> CallAsync(this HubConnection connection, string method, object request) =>
        await connection.InvokeAsync<JsonElement>(method, request);

    public static JsonElement Ok(this JsonElement result)
    {
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        return result;
    }

    /// <summary>Calls <c>watch</c> until <c>more</c> is false; returns every event and the last reply.</summary>
    public static async Task<WatchedPages> WatchAllAsync(this HubConnection connection, string token, string gameId, long afterSequence = 0)
    {
        var events = new List<JsonElement>();
        var pages = 0;
        while (true)
        {
            var reply = (await connection.CallAsync("watch", new { token, gameId, afterSequence })).Ok();
            pages++;
            events.AddRange(reply.GetProperty("events").EnumerateArray());
            if (!reply.GetProperty("more").GetBoolean())
            {
                return new WatchedPages(events, reply, pages);
            }

            afterSequence = events[^1].GetProperty("sequence").GetInt64();
        }
    }

    /// <summary>
    /// The instructor's "process now", round after round, at most <paramref name="rounds"/> times: bots may settle every
    /// issue before the last deadline, and then the game has ended and the next "process now" is refused.
    /// </summary>
    public static async Task ProcessRoundsAsync(this HubConnection connection, string token, string gameId, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            var reply = await connection.CallAsync("instruct", new { token, gameId, command = new { type = "processNow" } });
            if (!reply.GetProperty("ok").GetBoolean() && reply.ErrorCode() == "GameAlreadyEnded")
            {
                return;
            }

            reply.Ok();
        }
    }

    public static string ErrorCode(this JsonElement result)
    {
        Assert.False(result.GetProperty("ok").GetBoolean(), result.ToString());
        return result.GetProperty("error").GetProperty("code").GetString()!;
    }
}

/// <summary>What a client that followed <c>more</c> to the end has read, and the last reply's summary.</summary>
internal sealed record WatchedPages(List<JsonElement> Events, JsonElement LastReply, int Pages)
{
    public List<long> Sequences => [.. Events.Select(e => e.GetProperty("sequence").GetInt64())];

    public JsonElement Summary => LastReply.GetProperty("summary");
}
