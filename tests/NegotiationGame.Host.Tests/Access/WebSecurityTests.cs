using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests.Access;

/// <summary>What the server promises a browser: its headers, downloads by short-lived ticket, and revocable instructor links.</summary>
public sealed class WebSecurityTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/js/main.js")]
    [InlineData("/healthz")]
    [InlineData("/api/games/nothing/log.jsonl")]
    public async Task Every_response_forbids_framing_sniffing_foreign_scripts_and_referrers(string path)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        using var response = await http.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Without_a_node_list_the_page_connects_only_to_its_own_origin()
    {
        using var http = new HttpClient { BaseAddress = server.Address };

        var listed = await http.GetStringAsync("/api/nodes");
        using var page = await http.GetAsync("/");

        Assert.Equal("""{"nodes":[]}""", listed);
        Assert.Contains("connect-src 'self';", string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_needs_a_ticket_for_that_very_file_and_the_ticket_lapses_in_minutes()
    {
        await using var connection = await server.ConnectAsync();
        var (token, classId, games) = await StartedClassAsync(connection, games: 2);
        using var http = new HttpClient { BaseAddress = server.Address };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/games/{games[0]}/log.jsonl?token={Uri.EscapeDataString(token)}")).StatusCode);
        var firstLog = await LinkAsync(connection, new { token, gameId = games[0] });
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(firstLog)).StatusCode);
        var ticket = firstLog[(firstLog.IndexOf("ticket=", StringComparison.Ordinal) + 7)..];
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/games/{games[1]}/log.jsonl?ticket={ticket}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/classes/{classId}/summary.csv?ticket={ticket}")).StatusCode);

        var summary = await LinkAsync(connection, new { token });
        try
        {
            server.Clock.Shift = TimeSpan.FromMinutes(6);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(summary)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(firstLog)).StatusCode);
        }
        finally
        {
            server.Clock.Shift = TimeSpan.Zero;
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(summary)).StatusCode);
    }

    [Fact]
    public async Task A_new_instructor_link_ends_the_old_token_and_its_tickets()
    {
        await using var connection = await server.ConnectAsync();
        var (oldToken, _, games) = await StartedClassAsync(connection, games: 1);
        var oldTicket = await LinkAsync(connection, new { token = oldToken, gameId = games[0] });

        var newToken = (await connection.CallAsync("reissueInstructorLink", new { token = oldToken })).Ok().GetProperty("instructorToken").GetString()!;

        Assert.Equal("Unauthorized", (await connection.CallAsync("getClass", new { token = oldToken })).ErrorCode());
        Assert.Equal("Unauthorized", (await connection.CallAsync("instruct", new { token = oldToken, gameId = games[0], command = new { type = "pause" } })).ErrorCode());
        Assert.Equal("Unauthorized", (await connection.CallAsync("reissueInstructorLink", new { token = oldToken })).ErrorCode());
        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(oldTicket)).StatusCode);
        (await connection.CallAsync("getClass", new { token = newToken })).Ok();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(await LinkAsync(connection, new { token = newToken, gameId = games[0] }))).StatusCode);
    }

    [Fact]
    public async Task Tokens_expire_after_their_lifetime()
    {
        await using var connection = await server.ConnectAsync();
        var (token, _, _) = await StartedClassAsync(connection, games: 1);
        try
        {
            server.Clock.Shift = TimeSpan.FromDays(13);
            (await connection.CallAsync("getClass", new { token })).Ok();
            server.Clock.Shift = TimeSpan.FromDays(15);
            Assert.Equal("Unauthorized", (await connection.CallAsync("getClass", new { token })).ErrorCode());
        }
        finally
        {
            server.Clock.Shift = TimeSpan.Zero;
        }
    }

    private static async Task<(string Token, string ClassId, string[] Games)> StartedClassAsync(HubConnection connection, int games)
    {
        var created = (await connection.CallAsync("createClass", new { games })).Ok();
        var token = created.GetProperty("instructorToken").GetString()!;
        (await connection.CallAsync("startClass", new { token })).Ok();
        return (token, created.GetProperty("classId").GetString()!, [.. created.GetProperty("gameIds").EnumerateArray().Select(game => game.GetString()!)]);
    }

    private static async Task<string> LinkAsync(HubConnection connection, object request) =>
        (await connection.CallAsync("createDownloadLink", request)).Ok().GetProperty("url").GetString()!;
}
