using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Telemetry;

/// <summary>The product's counters on a real server's <c>/metrics</c>, read the way Prometheus reads them, while a game is played.</summary>
public sealed class MetricsScrapeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] ToUkraine = ["ukraine"];

    [Fact]
    public async Task Metrics_show_the_commands_sent_the_offer_resolved_the_agreement_and_the_connections_watching()
    {
        await using var server = await ServerProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
        await using var us = await server.ConnectAsync();
        await using var ukraine = await server.ConnectAsync();
        var created = (await us.CallAsync("createClass", new { games = 1 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        var instructorToken = created.GetProperty("instructorToken").GetString();
        var usToken = await JoinAsync(us, created, classId, "us");
        var ukraineToken = await JoinAsync(ukraine, created, classId, "ukraine");
        (await us.CallAsync("startClass", new { token = instructorToken, bots = "linear" })).Ok();
        (await us.CallAsync("watch", new { token = usToken, gameId, afterSequence = 0 })).Ok();
        (await ukraine.CallAsync("watch", new { token = ukraineToken, gameId, afterSequence = 0 })).Ok();
        var spectator = await server.ConnectAsync();
        (await spectator.CallAsync("watch", new { token = created.GetProperty("spectatorTokens").GetProperty(gameId).GetString(), gameId, afterSequence = 0 })).Ok();
        await WaitForAsync(http, metrics => metrics.Sum("negotiationgame_connections", "role=player") == 2 && metrics.Sum("negotiationgame_connections", "role=spectator") == 1, "two players and a spectator watching");

        const int Statements = 3;
        for (var i = 0; i < Statements; i++)
        {
            (await us.CallAsync("act", new { token = usToken, commandId = Guid.NewGuid(), command = new { type = "statement", text = $"Statement {i}" } })).Ok();
        }

        (await us.CallAsync("act", new { token = usToken, commandId = Guid.NewGuid(), command = new { type = "table", package = new { minerals = "share-25" }, addressees = ToUkraine } })).Ok();
        Assert.Equal("OfferNotFound", (await ukraine.CallAsync("act", new { token = ukraineToken, commandId = Guid.NewGuid(), command = new { type = "accept", offerId = 999 } })).ErrorCode());

        // The bots table offers of their own when the round opens, so the US offer's number is read from Ukraine's inbox.
        var inbox = (await ukraine.CallAsync("getView", new { token = ukraineToken })).Ok().GetProperty("view").GetProperty("inbox").EnumerateArray();
        var offerId = inbox.Single(offer => offer.GetProperty("proposer").GetString() == "us" && offer.GetProperty("needsMyAnswer").GetBoolean()).GetProperty("offerId").GetInt32();
        (await ukraine.CallAsync("act", new { token = ukraineToken, commandId = Guid.NewGuid(), command = new { type = "accept", offerId } })).Ok();
        await spectator.DisposeAsync();

        var metrics = await WaitForAsync(
            http,
            metrics => metrics.Sum("negotiationgame_commands_total", "command=statement", "result=ok") == Statements
                && metrics.Sum("negotiationgame_agreements_total") >= 1
                && metrics.Sum("negotiationgame_connections", "role=spectator") == 0,
            "the commands, the agreement and the spectator gone");

        Assert.Equal(1, metrics.Sum("negotiationgame_commands_total", "command=table", "result=ok"));
        Assert.Equal(1, metrics.Sum("negotiationgame_commands_total", "command=accept", "result=ok"));
        Assert.Equal(1, metrics.Sum("negotiationgame_commands_total", "command=accept", "result=OfferNotFound"));
        Assert.Equal(Statements, metrics.Sum("negotiationgame_command_duration_seconds_count", "command=statement"));
        Assert.Equal(Statements, metrics.Sum("negotiationgame_command_duration_seconds_bucket", "command=statement", "le=+Inf"));
        Assert.True(metrics.Sum("negotiationgame_offers_resolved_total", "outcome=agreed") >= 1, metrics.Text);
        Assert.Equal(2, metrics.Sum("negotiationgame_connections", "role=player"));
        Assert.True(metrics.Sum("negotiationgame_games_active") >= 1, metrics.Text);

        // Every command appended at least once, through the SQLite store, in commits of one or more appends.
        Assert.True(metrics.Sum("negotiationgame_store_append_duration_seconds_count", "store=sqlite") >= Statements + 2, metrics.Text);
        Assert.True(metrics.Sum("negotiationgame_store_batch_size_count", "store=sqlite") >= 1, metrics.Text);
        Assert.Contains("negotiationgame_fanout_queue_depth", metrics.Names);
        Assert.Contains("orleans_app_requests_latency_milliseconds_count", metrics.Names);
        Assert.Contains("kestrel_active_connections", metrics.Names);
    }

    private static async Task<string> JoinAsync(HubConnection connection, System.Text.Json.JsonElement created, string? classId, string party)
    {
        var code = created.GetProperty("joinCodes").EnumerateArray().Single(c => c.GetProperty("partyId").GetString() == party).GetProperty("code").GetString();
        return (await connection.CallAsync("joinClass", new { classId, code, name = party })).Ok().GetProperty("token").GetString()!;
    }

    /// <summary>Scrapes until <paramref name="condition"/> holds (the exporter serves a snapshot a few hundred ms old).</summary>
    private static async Task<PrometheusText> WaitForAsync(HttpClient http, Func<PrometheusText, bool> condition, string what)
    {
        PrometheusText? last = null;
        await Polling.UntilAsync(
            async () =>
            {
                last = new PrometheusText(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
                return condition(last);
            },
            Patience,
            () => $"{what} on /metrics; it served:\n{last?.Text}");
        return last!;
    }
}
