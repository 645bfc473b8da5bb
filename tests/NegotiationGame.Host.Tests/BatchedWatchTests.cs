using System.Text.Json;

namespace NegotiationGame.Host.Tests;

/// <summary>
/// A connection that watches with <c>batch</c> receives the events of one change of the game (a counter-offer is a
/// rejection and a new offer) as one <c>gameEvents</c> message, with exactly what a connection without it receives
/// as separate <c>gameEvent</c> messages.
/// </summary>
public sealed class BatchedWatchTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] ToUkraine = ["ukraine"];

    [Fact]
    public async Task A_counter_offer_reaches_a_batched_watcher_as_one_message_with_both_events_in_order()
    {
        await using var setup = await server.ConnectAsync();
        var created = (await setup.CallAsync("createClass", new { games = 1, roundSeconds = 600 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        var instructor = created.GetProperty("instructorToken").GetString()!;
        async Task<string> JoinAsync(string party) => (await setup.CallAsync("joinClass", new
        {
            classId,
            code = created.GetProperty("joinCodes").EnumerateArray().Single(c => c.GetProperty("partyId").GetString() == party).GetProperty("code").GetString(),
            name = party,
        })).Ok().GetProperty("token").GetString()!;
        var us = await JoinAsync("us");
        var ukraine = await JoinAsync("ukraine");
        (await setup.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();

        await using var batched = await server.ConnectAsync();
        var batches = new ReceivedMessages(batched, "gameEvents");
        var singlesOnBatched = new ReceivedMessages(batched);
        var watched = (await batched.CallAsync("watch", new { token = instructor, gameId, afterSequence = 0, batch = true })).Ok();
        await using var plain = await server.ConnectAsync();
        var singles = new ReceivedMessages(plain);
        (await plain.CallAsync("watch", new { token = instructor, gameId, afterSequence = 0 })).Ok();
        var last = watched.GetProperty("summary").GetProperty("lastSequence").GetInt64();

        (await setup.CallAsync("act", new { token = us, commandId = Guid.NewGuid(), command = new { type = "table", package = new { minerals = "share-25" }, addressees = ToUkraine } })).Ok();
        var offered = await singles.WaitForTypeAsync("OfferTabled", Patience);
        var offerId = offered.GetProperty("data").GetProperty("offerId").GetInt32();
        (await setup.CallAsync("act", new { token = ukraine, commandId = Guid.NewGuid(), command = new { type = "counter", offerId, package = new { minerals = "share-50" } } })).Ok();

        var counter = await batches.WaitForAsync(batch => batch.EnumerateArray().Any(e => e.GetProperty("type").GetString() == "OfferRejected"), Patience);
        var countered = await singles.WaitForAsync(e => e.GetProperty("type").GetString() == "OfferRejected", Patience);
        var alsoTabled = await singles.WaitForAsync(e => e.GetProperty("sequence").GetInt64() == countered.GetProperty("sequence").GetInt64() + 1, Patience);

        Assert.Equal(["OfferRejected", "OfferTabled"], counter.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([countered.GetRawText(), alsoTabled.GetRawText()], counter.EnumerateArray().Select(e => e.GetRawText()));

        // Everything after the watch arrived once, in order, across both kinds of message.
        var through = alsoTabled.GetProperty("sequence").GetInt64();
        var received = singlesOnBatched.Sequences.Concat(batches.All.SelectMany(batch => batch.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64())))
            .Where(sequence => sequence <= through).Order().ToList();
        Assert.Equal(ClassSetup.Through(last + 1, through), received);
        Assert.DoesNotContain(singlesOnBatched.All, e => e.GetProperty("sequence").GetInt64() >= countered.GetProperty("sequence").GetInt64());
    }
}
