using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.LoadTests;

/// <summary>
/// Push latency of healthy watchers against a running server, first alone and then beside stuck readers (clients
/// that watch and never read). The instructor publishes news to two games at a steady rate; one healthy client
/// watches each game and measures from send to receipt. The stuck readers watch the first game, so the figures show
/// both whether a stuck socket slows its own game's healthy watchers and whether it slows another game.
/// </summary>
internal static class StuckReaderRun
{
    private static readonly TimeSpan SendInterval = TimeSpan.FromMilliseconds(20);

    // Each bulletin carries a long text, so that the stuck readers' sockets and the server's outboxes fill in seconds.
    private static readonly string Body = new('x', 3_500);

    public static async Task RunAsync(Uri server, int stuckReaders, TimeSpan phase, TextWriter output)
    {
        await using var instructor = await ConnectAsync(server);
        var created = await CallAsync(instructor, "createClass", new { title = "Stuck readers", games = 2 });
        var token = created.GetProperty("instructorToken").GetString()!;
        var games = created.GetProperty("gameIds").EnumerateArray().Select(game => game.GetString()!).ToArray();
        await CallAsync(instructor, "startClass", new { token });

        var sent = new ConcurrentDictionary<string, long>();
        var latencies = games.ToDictionary(game => game, _ => new ConcurrentBag<double>());
        var watchers = new List<HubConnection>();
        foreach (var game in games)
        {
            var watcher = await ConnectAsync(server);
            watcher.On<JsonElement>("gameEvent", message =>
            {
                if (message.GetProperty("type").GetString() == "NewsInjected" &&
                    sent.TryGetValue(message.GetProperty("data").GetProperty("headline").GetString()!, out var at))
                {
                    latencies[game].Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                }
            });
            await CallAsync(watcher, "watch", new { token, gameId = game, afterSequence = 1_000_000 });
            watchers.Add(watcher);
        }

        output.WriteLine($"| phase | game | news received | p50 ms | p99 ms | max ms |");
        output.WriteLine("|---|---|---|---|---|---|");
        await MeasureAsync("no stuck reader", instructor, token, games, sent, latencies, phase, output);

        var spectator = created.GetProperty("spectatorTokens").GetProperty(games[0]).GetString()!;
        var stuck = new List<StuckReader>();
        for (var i = 0; i < stuckReaders; i++)
        {
            stuck.Add(await StuckReader.WatchAsync(server, spectator, games[0], 0, CancellationToken.None));
        }

        await MeasureAsync($"{stuckReaders} stuck readers on game 1", instructor, token, games, sent, latencies, phase, output);
        var closed = 0;
        foreach (var reader in stuck)
        {
            closed += await reader.WasClosedByServerAsync(TimeSpan.FromSeconds(2)) ? 1 : 0;
            await reader.DisposeAsync();
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stuck readers closed by the server: {closed} of {stuckReaders}"));
        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(
        string name, HubConnection instructor, string token, string[] games, ConcurrentDictionary<string, long> sent,
        Dictionary<string, ConcurrentBag<double>> latencies, TimeSpan phase, TextWriter output)
    {
        foreach (var bag in latencies.Values)
        {
            bag.Clear();
        }

        using var ticks = new PeriodicTimer(SendInterval);
        var clock = Stopwatch.StartNew();
        for (var n = 0; clock.Elapsed < phase && await ticks.WaitForNextTickAsync(); n++)
        {
            var game = games[n % games.Length];
            var headline = $"{name} {n}";
            sent[headline] = Stopwatch.GetTimestamp();
            await CallAsync(instructor, "instruct", new { token, gameId = game, command = new { type = "news", headline, body = Body } });
        }

        // Let the last pushes arrive before the figures are read.
        await Task.Delay(TimeSpan.FromSeconds(1));
        for (var i = 0; i < games.Length; i++)
        {
            var sorted = latencies[games[i]].Order().ToArray();
            var line = sorted.Length == 0
                ? $"| {name} | {i + 1} | 0 | | | |"
                : string.Create(CultureInfo.InvariantCulture, $"| {name} | {i + 1} | {sorted.Length} | {Percentile(sorted, 0.50):F1} | {Percentile(sorted, 0.99):F1} | {sorted[^1]:F1} |");
            output.WriteLine(line);
        }
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];

    private static async Task<HubConnection> ConnectAsync(Uri server)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/game")).Build();
        await connection.StartAsync();
        return connection;
    }

    private static async Task<JsonElement> CallAsync(HubConnection connection, string method, object request)
    {
        var result = await connection.InvokeAsync<JsonElement>(method, request);
        return result.GetProperty("ok").GetBoolean() ? result : throw new InvalidOperationException($"{method}: {result}");
    }
}
