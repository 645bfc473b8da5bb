using NegotiationGame.Host.Tests.Hubs;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>
/// Two nodes: a student watching on each of them is moved out of Ukraine through one node. Whichever silos hold the
/// class and the game, both hosts stop feeding the student, and a Ukrainian who stays reads on, whole and in order.
/// </summary>
public sealed class ClusterSeatFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_student_moved_out_of_Ukraine_is_fed_nothing_more_on_any_node()
    {
        await using var cluster = await NodeCluster.StartAsync(nodes: 2);
        await using var setup = await cluster.Nodes[0].ConnectAsync();
        var room = await SeatFeedRoom.OpenAsync(setup, "ukraine", "ukraine", "us");
        var (ada, bea, carl) = (room.Students[0], room.Students[1], room.Students[2]);
        await using var adaHere = await SeatFeedWatch.StartAsync(await cluster.Nodes[0].ConnectAsync(), ada.Token, room.GameId);
        await using var adaThere = await SeatFeedWatch.StartAsync(await cluster.Nodes[1].ConnectAsync(), ada.Token, room.GameId);
        await using var beaThere = await SeatFeedWatch.StartAsync(await cluster.Nodes[1].ConnectAsync(), bea.Token, room.GameId);

        (await setup.CallAsync("moveSeat", new { token = room.Instructor, seatId = ada.SeatId, gameId = room.GameId, partyId = "eu" })).Ok();
        var endings = await Task.WhenAll(adaHere.Ended.WaitForAsync(_ => true, Patience), adaThere.Ended.WaitForAsync(_ => true, Patience));
        var sent = await room.TellUkraineAsync(carl.Token);

        var secret = await beaThere.ReadsOnAsync(sent);
        Assert.All(endings, ended => Assert.Equal("seatMoved", ended.GetProperty("reason").GetString()));
        Assert.Equal(SeatFeedRoom.Secret, secret.GetProperty("data").GetProperty("text").GetString());
        adaHere.AssertNothingFrom(sent.Message);
        adaThere.AssertNothingFrom(sent.Message);
    }
}
