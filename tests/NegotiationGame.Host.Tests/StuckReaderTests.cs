using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using NegotiationGame.Host.Limits;
using NegotiationGame.Host.Relay;
using NegotiationGame.LoadTests;

namespace NegotiationGame.Host.Tests;

/// <summary>A client that stops reading its socket: the others keep receiving, and the server closes it at its bound.</summary>
public sealed class StuckReaderTests(StuckReaderTests.SmallBuffersServer server) : IClassFixture<StuckReaderTests.SmallBuffersServer>
{
    private const int Events = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Healthy_connections_keep_receiving_while_a_reader_is_stuck_and_the_stuck_one_is_closed()
    {
        await using var instructor = await server.ConnectAsync();
        var game = await ClassSetup.StartAsync(instructor, spectatorDelaySeconds: 0);
        await using var stuck = await StuckReader.WatchAsync(server.Address, game.SpectatorToken, game.GameId, 0, CancellationToken.None);
        await using var healthy = await server.ConnectAsync();
        var received = new ReceivedMessages(healthy);
        await healthy.WatchAllAsync(game.SpectatorToken, game.GameId);

        var body = new string('x', 1_000);
        long last = 0;
        for (var i = 0; i < Events; i++)
        {
            last = await game.InstructAsync(instructor, new { type = "news", headline = $"Bulletin {i}", body });
        }

        await received.WaitForAsync(m => m.GetProperty("sequence").GetInt64() == last, Patience);
        Assert.Equal(Events, received.All.Count(m => m.GetProperty("type").GetString() == "NewsInjected"));
        Assert.True(await stuck.WasClosedByServerAsync(Patience), "the server closes a connection that fell past its outbox bound");
    }

    /// <summary>
    /// The server with small per-connection bounds, so that a stuck reader reaches them with a few hundred KB. Its
    /// sockets also get a small kernel send buffer: on loopback Linux grows it to megabytes, which a stuck reader
    /// would otherwise soak up before any bound of the server's own is reached.
    /// </summary>
    public sealed class SmallBuffersServer : ServerFixture
    {
        protected override void ConfigureServices(IServiceCollection services) =>
            services.Configure<SocketTransportOptions>(socket => socket.CreateBoundListenSocket = endpoint =>
            {
                var listener = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                listener.SendBufferSize = 4096;
                return listener;
            });

        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            [$"{FanoutSettings.Section}:{nameof(FanoutSettings.OutboxCapacity)}"] = "32",
            [$"{FanoutSettings.Section}:{nameof(FanoutSettings.TransportBufferBytes)}"] = "4096",
            // The instructor sends the bulletins faster than a person would.
            [$"{AbuseLimits.Section}:{nameof(AbuseLimits.CommandsPerConnection)}:{nameof(TokenBucket.Burst)}"] = "1000",
            [$"{AbuseLimits.Section}:{nameof(AbuseLimits.CallsPerConnection)}:{nameof(TokenBucket.Burst)}"] = "1000",
        };
    }
}
