using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace NegotiationGame.Host.Tests.Limits;

public sealed class CreateClassLimitTests(CreateClassLimitedServer server) : IClassFixture<CreateClassLimitedServer>
{
    [Fact]
    public async Task Classes_are_limited_per_connection_and_per_address_and_downloads_per_address()
    {
        await using var first = await server.ConnectAsync();
        var token = (await first.CallAsync("createClass", new { games = 1 })).Ok().GetProperty("instructorToken").GetString();
        (await first.CallAsync("createClass", new { games = 1 })).Ok();
        var refused = await first.CallAsync("createClass", new { games = 1 });
        Assert.Equal("RateLimited", refused.ErrorCode());
        Assert.True(refused.GetProperty("error").GetProperty("retryAfterSeconds").GetDouble() > 0);

        await using var second = await server.ConnectAsync();
        (await second.CallAsync("createClass", new { games = 1 })).Ok();
        Assert.Equal("RateLimited", (await second.CallAsync("createClass", new { games = 1 })).ErrorCode());

        // The refused calls created nothing: the instructor's first class is still the only thing it holds.
        (await first.CallAsync("getClass", new { token })).Ok();
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/classes/x/summary.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/classes/x/summary.csv")).StatusCode);
        using var limited = await http.GetAsync("/api/classes/x/summary.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}

public sealed class JoinLimitTests(JoinLimitedServer server) : IClassFixture<JoinLimitedServer>
{
    [Fact]
    public async Task Guessing_join_codes_is_slowed_after_a_few_failures_and_logged()
    {
        await using var instructor = await server.ConnectAsync();
        var created = (await instructor.CallAsync("createClass", new { games = 1 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var lobbyCode = created.GetProperty("lobbyCode").GetString();

        await using var guesser = await server.ConnectAsync();
        for (var guess = 0; guess < 3; guess++)
        {
            Assert.Equal("UnknownCode", (await guesser.CallAsync("joinClass", new { classId, code = $"WRONG{guess}", name = "Eve" })).ErrorCode());
        }

        Assert.Equal("RateLimited", (await guesser.CallAsync("joinClass", new { classId, code = "WRONG9", name = "Eve" })).ErrorCode());
        await using var other = await server.ConnectAsync();
        Assert.Equal("RateLimited", (await other.CallAsync("joinClass", new { classId, code = lobbyCode, name = "Eve" })).ErrorCode());
        Assert.Contains(server.Warnings.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("wrong code", StringComparison.Ordinal));
    }
}

public sealed class CommandLimitTests(CommandLimitedServer server) : IClassFixture<CommandLimitedServer>
{
    [Fact]
    public async Task A_connection_that_floods_commands_is_refused_while_another_connection_plays_on()
    {
        await using var instructor = await server.ConnectAsync();
        var created = (await instructor.CallAsync("createClass", new { games = 1 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var code = created.GetProperty("joinCodes").EnumerateArray().First(c => c.GetProperty("partyId").GetString() == "us").GetProperty("code").GetString();
        var player = (await instructor.CallAsync("joinClass", new { classId, code, name = "Ada" })).Ok().GetProperty("token").GetString();
        (await instructor.CallAsync("startClass", new { token = created.GetProperty("instructorToken").GetString() })).Ok();

        await using var flooder = await server.ConnectAsync();
        var answers = new List<JsonElement>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await flooder.CallAsync("act", new { token = player, commandId = Guid.NewGuid(), command = new { type = "statement", text = $"Statement {i}" } }));
        }

        Assert.All(answers.Take(5), answer => answer.Ok());
        Assert.All(answers.Skip(5), answer => Assert.Equal("RateLimited", answer.ErrorCode()));
        await using var calm = await server.ConnectAsync();
        (await calm.CallAsync("act", new { token = player, commandId = Guid.NewGuid(), command = new { type = "statement", text = "Still here" } })).Ok();
    }
}

public sealed class DefaultLimitTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_default_limits_seat_a_class_of_200_behind_one_address()
    {
        await using var instructor = await server.ConnectAsync();
        var created = (await instructor.CallAsync("createClass", new { games = 50 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var lobbyCode = created.GetProperty("lobbyCode").GetString();

        var seats = await Task.WhenAll(Enumerable.Range(0, 10).Select(async tab =>
        {
            await using var connection = await server.ConnectAsync();
            var joined = new List<string>();
            for (var student = 0; student < 20; student++)
            {
                var result = (await connection.CallAsync("joinClass", new { classId, code = lobbyCode, name = $"Student {tab}-{student}" })).Ok();
                joined.Add($"{result.GetProperty("gameId").GetString()}/{result.GetProperty("partyId").GetString()}");
            }

            return joined;
        }));

        Assert.Equal(200, seats.SelectMany(tab => tab).Distinct().Count());
    }
}

public sealed class ConnectionLimitTests(ConnectionLimitedServer server) : IClassFixture<ConnectionLimitedServer>
{
    [Fact]
    public async Task An_address_that_opens_connections_too_fast_is_refused_with_429()
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await http.PostAsync("/hubs/game/negotiate?negotiateVersion=1", null);
            answers.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
    }
}
