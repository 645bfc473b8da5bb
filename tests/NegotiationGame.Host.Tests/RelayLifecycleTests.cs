using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Host.Relay;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace NegotiationGame.Host.Tests;

/// <summary>How the relay holds on to games: counts coalesced, games let go when unwatched, a re-activated game heard again.</summary>
public sealed class RelayLifecycleTests(ManualClockServerFixture server) : IClassFixture<ManualClockServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private GameEventRelay Relay => server.Services.GetRequiredService<GameEventRelay>();

    [Fact]
    public async Task Thirty_spectators_arriving_together_cost_a_watcher_at_most_one_count_message_per_second()
    {
        await using var instructor = await server.ConnectAsync();
        var game = await ClassSetup.StartAsync(instructor, spectatorDelaySeconds: 0);
        var counts = new ReceivedMessages(instructor, "spectators");
        await instructor.WatchAllAsync(game.InstructorToken, game.GameId);

        var spectators = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            var connection = await server.ConnectAsync();
            await connection.WatchAllAsync(game.SpectatorToken, game.GameId);
            return connection;
        }));
        var seconds = 0;
        while (!counts.All.Any(m => m.GetProperty("count").GetInt32() == 30) && seconds < 10)
        {
            server.FanoutClock.Advance(TimeSpan.FromSeconds(1));
            seconds++;
            await WaitQuietlyAsync(counts, m => m.GetProperty("count").GetInt32() == 30);
        }

        Assert.Contains(counts.All, m => m.GetProperty("count").GetInt32() == 30);
        Assert.True(counts.All.Count <= 1 + seconds, $"{counts.All.Count} count messages in {seconds} s");
        foreach (var connection in spectators)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_game_no_connection_here_watches_any_more_is_let_go()
    {
        await using var setup = await server.ConnectAsync();
        var game = await ClassSetup.StartAsync(setup, spectatorDelaySeconds: 0);
        var before = Relay.WatchedGames;
        var watcher = await server.ConnectAsync();
        await watcher.WatchAllAsync(game.UsToken, game.GameId);
        Assert.Equal(before + 1, Relay.WatchedGames);
        var letGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLetGo(string gameId)
        {
            if (gameId == game.GameId)
            {
                letGo.TrySetResult();
            }
        }

        Relay.GameLetGo += OnLetGo;
        try
        {
            await watcher.DisposeAsync();
            await letGo.Task.WaitAsync(Patience);
        }
        finally
        {
            Relay.GameLetGo -= OnLetGo;
        }

        Assert.Equal(before, Relay.WatchedGames);
    }

    [Fact]
    public async Task After_the_game_is_activated_anew_the_next_renewal_brings_what_it_appended_meanwhile()
    {
        var (player, pushed, sequence) = await StatementToAFreshActivationAsync();
        await using (player)
        {
            server.FanoutClock.Advance(TimeSpan.FromSeconds(5));

            var statement = await pushed.WaitForAsync(m => m.GetProperty("sequence").GetInt64() == sequence, Patience);
            Assert.Equal("StatementMade", statement.GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Renewing_every_feed_at_once_brings_what_a_fresh_activation_appended_without_the_periodic_renewal()
    {
        var (player, pushed, sequence) = await StatementToAFreshActivationAsync();
        await using (player)
        {
            await Relay.RenewAllAsync(CancellationToken.None);

            // The fan-out clock never moved, so no periodic renewal ran: the push came from the renewal asked for.
            var statement = await pushed.WaitForAsync(m => m.GetProperty("sequence").GetInt64() == sequence, Patience);
            Assert.Equal("StatementMade", statement.GetProperty("type").GetString());
        }
    }

    /// <summary>
    /// A player watching a game whose grain is then deactivated, and a statement that the fresh activation (which knows
    /// no host) appends: the relay hears of it only when it renews.
    /// </summary>
    private async Task<(HubConnection Player, ReceivedMessages Pushed, long Sequence)> StatementToAFreshActivationAsync()
    {
        var player = await server.ConnectAsync();
        var game = await ClassSetup.StartAsync(player, spectatorDelaySeconds: 0);
        var pushed = new ReceivedMessages(player);
        await player.WatchAllAsync(game.UsToken, game.GameId);
        var grains = server.Services.GetRequiredService<IGrainFactory>();

        // Orleans forwards a call that reaches a deactivating grain to a new activation once the old one is gone.
        await grains.GetGrain<IGameGrain>(game.GameId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        return (player, pushed, await game.StatementAsync(player, "Said to a fresh activation."));
    }

    /// <summary>Gives a message up to a moment to arrive after the clock moved, without failing if it does not.</summary>
    private static async Task WaitQuietlyAsync(ReceivedMessages messages, Func<System.Text.Json.JsonElement, bool> condition)
    {
        try
        {
            await messages.WaitForAsync(condition, TimeSpan.FromMilliseconds(500));
        }
        catch (OperationCanceledException)
        {
            // Not yet: the caller moves the clock on.
        }
    }
}
