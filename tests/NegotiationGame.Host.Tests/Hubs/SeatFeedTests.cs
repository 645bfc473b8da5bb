namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>
/// A live feed ends with its seat: once the instructor moves a student, hands the seat to another device or gives the
/// role to a bot, the connection that watched with the old token hears nothing more of the game (its party's private
/// calls least of all) and is told why, while everyone else's feed goes on whole and in order.
/// </summary>
public sealed class SeatFeedTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Secret = SeatFeedRoom.Secret;
    private static readonly TimeSpan Patience = SeatFeedRoom.Patience;

    [Fact]
    public async Task A_student_moved_out_of_Ukraine_is_told_why_and_reads_none_of_Ukraines_later_private_calls()
    {
        await using var setup = await server.ConnectAsync();
        var room = await SeatFeedRoom.OpenAsync(setup, "ukraine", "ukraine", "us");
        var (ada, bea, carl) = (room.Students[0], room.Students[1], room.Students[2]);
        await using var adaFeed = await SeatFeedWatch.StartAsync(server, ada.Token, room.GameId);
        await using var beaFeed = await SeatFeedWatch.StartAsync(server, bea.Token, room.GameId);

        (await setup.CallAsync("moveSeat", new { token = room.Instructor, seatId = ada.SeatId, gameId = room.GameId, partyId = "eu" })).Ok();
        var ended = await adaFeed.Ended.WaitForAsync(_ => true, Patience);
        var sent = await room.TellUkraineAsync(carl.Token);

        var secret = await beaFeed.ReadsOnAsync(sent);
        Assert.Equal((room.GameId, "seatMoved"), (ended.GetProperty("gameId").GetString(), ended.GetProperty("reason").GetString()));
        Assert.Equal(Secret, secret.GetProperty("data").GetProperty("text").GetString());
        adaFeed.AssertNothingFrom(sent.Message);

        // The old token no longer watches; the seat's secret gives the new role, which reads the call as a call only.
        Assert.Equal("Unauthorized", (await adaFeed.Connection.CallAsync("watch", new { token = ada.Token, gameId = room.GameId, afterSequence = 0 })).ErrorCode());
        var back = (await adaFeed.Connection.CallAsync("rejoinClass", new { classId = room.ClassId, seatId = ada.SeatId, seatSecret = ada.SeatSecret })).Ok();
        var asEu = await adaFeed.Connection.WatchAllAsync(back.GetProperty("token").GetString()!, room.GameId);
        Assert.Equal("ChannelActive", asEu.Events.Single(e => e.GetProperty("sequence").GetInt64() == sent.Message).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Students_whose_role_went_to_a_bot_hear_no_more_of_the_game_while_the_other_party_reads_on()
    {
        await using var setup = await server.ConnectAsync();
        var room = await SeatFeedRoom.OpenAsync(setup, "ukraine", "us");
        var (ada, carl) = (room.Students[0], room.Students[1]);
        await using var adaFeed = await SeatFeedWatch.StartAsync(server, ada.Token, room.GameId);
        await using var carlFeed = await SeatFeedWatch.StartAsync(server, carl.Token, room.GameId);

        (await setup.CallAsync("setBot", new { token = room.Instructor, gameId = room.GameId, partyId = "ukraine", bot = "linear" })).Ok();
        var ended = await adaFeed.Ended.WaitForAsync(_ => true, Patience);
        var sent = await room.TellUkraineAsync(carl.Token);

        var own = await carlFeed.ReadsOnAsync(sent);
        Assert.Equal("seatReleased", ended.GetProperty("reason").GetString());
        Assert.Equal(Secret, own.GetProperty("data").GetProperty("text").GetString());
        adaFeed.AssertNothingFrom(sent.Message);
    }

    [Fact]
    public async Task A_seat_handed_to_a_new_device_ends_the_old_devices_feed_and_the_new_one_reads_the_party_calls()
    {
        await using var setup = await server.ConnectAsync();
        var room = await SeatFeedRoom.OpenAsync(setup, "ukraine", "us");
        var (ada, carl) = (room.Students[0], room.Students[1]);
        await using var oldDevice = await SeatFeedWatch.StartAsync(server, ada.Token, room.GameId);

        var asked = (await setup.CallAsync("askForSeat", new { classId = room.ClassId, code = room.Codes["ukraine"], name = "Ada" })).Ok();
        var (requestId, requestSecret) = (asked.GetProperty("requestId").GetGuid(), asked.GetProperty("requestSecret").GetString());
        (await setup.CallAsync("answerSeatRequest", new { token = room.Instructor, requestId, approve = true, seatId = ada.SeatId })).Ok();
        var approved = (await setup.CallAsync("collectSeat", new { classId = room.ClassId, requestId, requestSecret })).Ok();
        var ended = await oldDevice.Ended.WaitForAsync(_ => true, Patience);
        await using var newDevice = await SeatFeedWatch.StartAsync(server, approved.GetProperty("token").GetString()!, room.GameId);
        var sent = await room.TellUkraineAsync(carl.Token);

        var secret = await newDevice.ReadsOnAsync(sent);
        Assert.Equal("seatHandedOn", ended.GetProperty("reason").GetString());
        Assert.Equal(Secret, secret.GetProperty("data").GetProperty("text").GetString());
        oldDevice.AssertNothingFrom(sent.Message);
    }
}
