using System.Text.Json;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>The instructor's class page is pushed each change of its class (<c>watchClass</c>, docs/protocol.md).</summary>
public sealed class ClassFeedTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_watching_instructor_hears_of_a_student_joining_and_of_a_seat_request_without_asking()
    {
        await using var instructor = await server.ConnectAsync();
        await using var student = await server.ConnectAsync();
        var created = (await instructor.CallAsync("createClass", new { games = 1 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var token = created.GetProperty("instructorToken").GetString();
        var lobby = created.GetProperty("lobbyCode").GetString();
        var changes = new ReceivedMessages(instructor, "classChanged");

        var watched = (await instructor.CallAsync("watchClass", new { token })).Ok();
        (await student.CallAsync("joinClass", new { classId, code = lobby, name = "Ada" })).Ok();
        var joined = await changes.WaitForAsync(change => Roster(change).Contains("Ada"), Patience);
        (await instructor.CallAsync("startClass", new { token, bots = "linear" })).Ok();
        (await student.CallAsync("askForSeat", new { classId, code = lobby, name = "Late" })).Ok();
        var asked = await changes.WaitForAsync(change => change.GetProperty("class").GetProperty("seatRequests").GetArrayLength() == 1, Patience);

        Assert.Empty(watched.GetProperty("class").GetProperty("roster").EnumerateArray());
        Assert.Equal(classId, joined.GetProperty("classId").GetString());
        Assert.True(asked.GetProperty("class").GetProperty("started").GetBoolean());
        Assert.Equal("Late", asked.GetProperty("class").GetProperty("seatRequests")[0].GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Once_the_instructor_link_is_reissued_a_page_watching_with_the_old_key_hears_nothing_more()
    {
        await using var oldPage = await server.ConnectAsync();
        await using var newPage = await server.ConnectAsync();
        await using var other = await server.ConnectAsync();
        var created = (await other.CallAsync("createClass", new { games = 1 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var oldToken = created.GetProperty("instructorToken").GetString();
        var heardByOld = new ReceivedMessages(oldPage, "classChanged");
        var heardByNew = new ReceivedMessages(newPage, "classChanged");
        (await oldPage.CallAsync("watchClass", new { token = oldToken })).Ok();

        var newToken = (await other.CallAsync("reissueInstructorLink", new { token = oldToken })).Ok().GetProperty("instructorToken").GetString();
        (await newPage.CallAsync("watchClass", new { token = newToken })).Ok();
        (await other.CallAsync("joinClass", new { classId, code = created.GetProperty("lobbyCode").GetString(), name = "Ada" })).Ok();
        await heardByNew.WaitForAsync(change => Roster(change).Contains("Ada"), Patience);

        // A push to the old page would have been written to its connection before this answer (same send as the new
        // page's), so once the answer is back, what the old page heard is all it will hear.
        Assert.Equal("Unauthorized", (await oldPage.CallAsync("watchClass", new { token = oldToken })).ErrorCode());
        Assert.Empty(heardByOld.All);
    }

    [Fact]
    public async Task Only_the_instructor_of_the_class_may_watch_it()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;

        Assert.Equal("Unauthorized", (await connection.CallAsync("watchClass", new { token = "forged" })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("watchClass", new { token = created.GetProperty("spectatorTokens").GetProperty(gameId).GetString() })).ErrorCode());
    }

    private static List<string?> Roster(JsonElement change) =>
        [.. change.GetProperty("class").GetProperty("roster").EnumerateArray().Select(seat => seat.GetProperty("displayName").GetString())];
}
