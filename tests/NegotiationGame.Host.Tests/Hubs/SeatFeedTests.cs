using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>
/// A live feed ends with its seat: once the instructor moves a student, hands the seat to another device or gives the
/// role to a bot, the connection that watched with the old token hears nothing more of the game (its party's private
/// calls least of all) and is told why, while everyone else's feed goes on whole and in order.
/// </summary>
public sealed class SeatFeedTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Secret = "Kyiv: the corridor opens at dawn.";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] UkraineOnly = ["ukraine"];

    [Fact]
    public async Task A_student_moved_out_of_Ukraine_is_told_why_and_reads_none_of_Ukraines_later_private_calls()
    {
        await using var setup = await server.ConnectAsync();
        var room = await Room.OpenAsync(setup, "ukraine", "ukraine", "us");
        var (ada, bea, carl) = (room.Students[0], room.Students[1], room.Students[2]);
        await using var adaFeed = await Feed.WatchAsync(server, ada.Token, room.GameId);
        await using var beaFeed = await Feed.WatchAsync(server, bea.Token, room.GameId);

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
        var room = await Room.OpenAsync(setup, "ukraine", "us");
        var (ada, carl) = (room.Students[0], room.Students[1]);
        await using var adaFeed = await Feed.WatchAsync(server, ada.Token, room.GameId);
        await using var carlFeed = await Feed.WatchAsync(server, carl.Token, room.GameId);

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
        var room = await Room.OpenAsync(setup, "ukraine", "us");
        var (ada, carl) = (room.Students[0], room.Students[1]);
        await using var oldDevice = await Feed.WatchAsync(server, ada.Token, room.GameId);

        var asked = (await setup.CallAsync("askForSeat", new { classId = room.ClassId, code = room.Codes["ukraine"], name = "Ada" })).Ok();
        var (requestId, requestSecret) = (asked.GetProperty("requestId").GetGuid(), asked.GetProperty("requestSecret").GetString());
        (await setup.CallAsync("answerSeatRequest", new { token = room.Instructor, requestId, approve = true, seatId = ada.SeatId })).Ok();
        var approved = (await setup.CallAsync("collectSeat", new { classId = room.ClassId, requestId, requestSecret })).Ok();
        var ended = await oldDevice.Ended.WaitForAsync(_ => true, Patience);
        await using var newDevice = await Feed.WatchAsync(server, approved.GetProperty("token").GetString()!, room.GameId);
        var sent = await room.TellUkraineAsync(carl.Token);

        var secret = await newDevice.ReadsOnAsync(sent);
        Assert.Equal("seatHandedOn", ended.GetProperty("reason").GetString());
        Assert.Equal(Secret, secret.GetProperty("data").GetProperty("text").GetString());
        oldDevice.AssertNothingFrom(sent.Message);
    }

    private sealed record Student(string Token, Guid SeatId, string SeatSecret);

    /// <summary>A started one-game class with students in the given roles (bots in the others).</summary>
    private sealed record Room(HubConnection Setup, string ClassId, string Instructor, string GameId, Dictionary<string, string> Codes, List<Student> Students)
    {
        public static async Task<Room> OpenAsync(HubConnection setup, params string[] roles)
        {
            var (classId, instructor, codes) = await SeatTests.CreateAsync(setup);
            var students = new List<Student>();
            string? gameId = null;
            foreach (var (role, index) in roles.Select((role, index) => (role, index)))
            {
                var joined = (await setup.CallAsync("joinClass", new { classId, code = codes[role], name = $"Student {index}" })).Ok();
                gameId = joined.GetProperty("gameId").GetString();
                students.Add(new Student(joined.GetProperty("token").GetString()!, joined.GetProperty("seatId").GetGuid(), joined.GetProperty("seatSecret").GetString()!));
            }

            (await setup.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
            return new Room(setup, classId, instructor, gameId!, codes, students);
        }

        /// <summary>The US calls Ukraine privately, then says something in public; the sequences of both.</summary>
        public async Task<(long Message, long Statement)> TellUkraineAsync(string usToken)
        {
            var message = (await Setup.CallAsync("act", new { token = usToken, commandId = Guid.NewGuid(), command = new { type = "message", channel = UkraineOnly, text = Secret } })).Ok();
            var statement = (await Setup.CallAsync("act", new { token = usToken, commandId = Guid.NewGuid(), command = new { type = "statement", text = "We seek peace." } })).Ok();
            return (message.GetProperty("lastSequence").GetInt64(), statement.GetProperty("lastSequence").GetInt64());
        }
    }

    /// <summary>One connection watching the game: what its watch read back, what was pushed, and any watchEnded.</summary>
    private sealed class Feed : IAsyncDisposable
    {
        private Feed(HubConnection connection)
        {
            Connection = connection;
            Events = new ReceivedMessages(connection);
            Ended = new ReceivedMessages(connection, "watchEnded");
        }

        public HubConnection Connection { get; }

        public ReceivedMessages Events { get; }

        public ReceivedMessages Ended { get; }

        private long CaughtUpThrough { get; set; }

        public static async Task<Feed> WatchAsync(ServerFixture server, string token, string gameId)
        {
            var feed = new Feed(await server.ConnectAsync());
            var read = await feed.Connection.WatchAllAsync(token, gameId);
            feed.CaughtUpThrough = read.Events.Count == 0 ? 1 : read.Events[^1].GetProperty("sequence").GetInt64();
            return feed;
        }

        /// <summary>
        /// Waits for the call and the statement of <see cref="Room.TellUkraineAsync"/>, checks that what was pushed after
        /// the catch-up is every sequence from there on, once each, in order, and returns the call as pushed.
        /// </summary>
        public async Task<JsonElement> ReadsOnAsync((long Message, long Statement) sent)
        {
            var message = await Events.WaitForAsync(e => e.GetProperty("sequence").GetInt64() == sent.Message, Patience);
            await Events.WaitForAsync(e => e.GetProperty("sequence").GetInt64() == sent.Statement, Patience);
            var pushed = Events.Sequences.Where(sequence => sequence > CaughtUpThrough).ToList();
            Assert.Equal(Enumerable.Range(0, pushed.Count).Select(offset => CaughtUpThrough + 1 + offset), pushed);
            return message;
        }

        /// <summary>Nothing at or after <paramref name="sequence"/> was pushed, and no frame carried the private words.</summary>
        public void AssertNothingFrom(long sequence)
        {
            Assert.DoesNotContain(Events.Sequences, pushed => pushed >= sequence);
            Assert.DoesNotContain(Events.All, e => e.GetRawText().Contains(Secret, StringComparison.Ordinal));
            Assert.Single(Ended.All);
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
