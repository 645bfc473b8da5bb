using Microsoft.Extensions.DependencyInjection;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Host.Relay;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>
/// A seat that changes while the game's fresh activation knows no host yet: the host hears of the change as it
/// registers again, before it reads from the log what it missed, so the stale connection gets none of it.
/// </summary>
public sealed class SeatFeedReactivationTests(ManualClockServerFixture server) : IClassFixture<ManualClockServerFixture>
{
    [Fact]
    public async Task A_move_made_while_the_game_knew_no_host_ends_the_old_feed_before_the_renewal_pushes_what_it_missed()
    {
        await using var setup = await server.ConnectAsync();
        var room = await SeatFeedRoom.OpenAsync(setup, "ukraine", "ukraine", "us");
        var (ada, bea, carl) = (room.Students[0], room.Students[1], room.Students[2]);
        await using var adaFeed = await SeatFeedWatch.StartAsync(server, ada.Token, room.GameId);
        await using var beaFeed = await SeatFeedWatch.StartAsync(server, bea.Token, room.GameId);
        var grains = server.Services.GetRequiredService<IGrainFactory>();

        // The fan-out clock stands still, so this host registers with the fresh activation only when asked to renew.
        await grains.GetGrain<IGameGrain>(room.GameId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        (await setup.CallAsync("moveSeat", new { token = room.Instructor, seatId = ada.SeatId, gameId = room.GameId, partyId = "eu" })).Ok();
        var sent = await room.TellUkraineAsync(carl.Token);
        await server.Services.GetRequiredService<GameEventRelay>().RenewAllAsync(CancellationToken.None);

        var ended = await adaFeed.Ended.WaitForAsync(_ => true, SeatFeedRoom.Patience);
        var secret = await beaFeed.ReadsOnAsync(sent);
        Assert.Equal("seatMoved", ended.GetProperty("reason").GetString());
        Assert.Equal(SeatFeedRoom.Secret, secret.GetProperty("data").GetProperty("text").GetString());
        adaFeed.AssertNothingFrom(sent.Message);
    }
}
