using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NegotiationGame.LoadTests.Baselines;
using NegotiationGame.LoadTests.EndToEnd;
using NegotiationGame.Tests;

namespace NegotiationGame.LoadTests;

/// <summary>
/// The <c>e2e</c> command: one end-to-end run against a running server and, with <c>--baseline</c>, the same run
/// against the bare hub with fan-out and without, each in a fresh process, and an Orleans ping; progress on stderr,
/// one JSON line on stdout.
/// </summary>
internal static class EndToEndCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan ChildPatience = TimeSpan.FromMinutes(2);

    public const string Usage =
        "e2e --url <hub URL>[,<hub URL>…] --games G --spectators S --seconds D --warmup W --mode closed|open [--rate R] " +
        "[--server-pid PID] [--chart file.svg] [--seed N] [--baseline] [--no-logs]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter progress)
    {
        var options = Options.Parse(args);
        if (options.Value("--url") is not { } urls)
        {
            progress.WriteLine($"usage: {Usage}");
            return 2;
        }

        var nodes = urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url => new Uri(url)).ToArray();
        if (nodes.Any(node => !node.IsLoopback))
        {
            progress.WriteLine("e2e: load runs go to 127.0.0.1 only.");
            return 2;
        }

        var settings = new LoadSettings(
            nodes,
            options.Int("--games", 20),
            options.Int("--spectators", 1),
            TimeSpan.FromSeconds(options.Double("--seconds", 15)),
            TimeSpan.FromSeconds(options.Double("--warmup", 5)),
            options.Value("--mode") == "open" ? LoadMode.Open : LoadMode.Closed)
        {
            Rate = options.Double("--rate", 1_000),
            Seed = options.Int("--seed", 1),
            ServerProcessId = options.Value("--server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            CheckLogs = !options.Has("--no-logs"),
            Progress = progress,
        };

        progress.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; e2e against {urls}");
        var report = await EndToEndRun.RunAsync(settings, CancellationToken.None);
        var line = JsonSerializer.SerializeToNode(report, Json)!.AsObject();
        var charted = new List<LineSeries>
        {
            new("NegotiationGame commands/s", "#047857", RightAxis: false, [.. report.Timeline.Select(second => (second.Second, (double)second.Commands))]),
            new("ack p50 ms", "#2563eb", RightAxis: true, [.. report.Timeline.Select(second => (second.Second, second.AckP50Ms))]),
            new("ack p99 ms", "#dc2626", RightAxis: true, [.. report.Timeline.Select(second => (second.Second, second.AckP99Ms))]),
        };

        if (options.Has("--baseline"))
        {
            var fanOut = await RunBareHubAsync(settings, fanOut: true, progress);
            var echo = await RunBareHubAsync(settings, fanOut: false, progress);
            var ping = await RunPingAsync(settings, progress);
            line["baselines"] = new JsonObject
            {
                ["fanOutEcho"] = JsonSerializer.SerializeToNode(fanOut, Json),
                ["echo"] = JsonSerializer.SerializeToNode(echo, Json),
                ["orleansPing"] = new JsonObject { ["callers"] = report.Games * 4, ["callsPerSecond"] = Math.Round(ping, 1) },
            };
            line["ratios"] = Ratios(report, fanOut);
            charted.Insert(1, new("fan-out echo commands/s", "#9aa5b1", RightAxis: false, [.. fanOut.Timeline.Select(second => (second.Second, (double)second.Commands))]));
        }

        if (options.Value("--chart") is { } chartPath)
        {
            var title = string.Create(CultureInfo.InvariantCulture,
                $"{report.Games:N0} games × (4 + {report.SpectatorsPerGame}), {report.Mode} loop{(report.Rate is { } rate ? $" at {rate:N0}/s" : "")}, {Environment.ProcessorCount} cores");
            await File.WriteAllTextAsync(chartPath, LineChart.Svg(title, "commands/s", "ms", charted));
            progress.WriteLine($"chart: {Path.GetFullPath(chartPath)}");
        }

        output.WriteLine(line.ToJsonString(Json));
        return 0;
    }

    /// <summary>The same run, same client code and connections, against a bare hub in a fresh process of its own.</summary>
    private static async Task<LoadReport> RunBareHubAsync(LoadSettings settings, bool fanOut, TextWriter progress)
    {
        var port = LoopbackPorts.FindFree();
        await using var hub = ChildProcess.Start(BareHubEnvironment(), "echo-hub", "--port", port.ToString(CultureInfo.InvariantCulture), fanOut ? "--fan-out" : "--no-fan-out");
        await hub.LineAsync(line => line == EchoHubServer.ReadyLine, ChildPatience);
        progress.WriteLine($"baseline: bare hub {(fanOut ? "with" : "without")} fan-out, process {hub.Id}, port {port}");
        return await EndToEndRun.RunAsync(
            settings with { Nodes = [new Uri($"http://127.0.0.1:{port}")], ServerProcessId = hub.Id, CheckLogs = false },
            CancellationToken.None);
    }

    /// <summary>
    /// The bare hubs complete their sockets as an embedded server does by default (docs/operations.md, "Socket completions"),
    /// so that the ratios compare the hub paths and not that setting; a value in this process's environment wins.
    /// </summary>
    private static Dictionary<string, string> BareHubEnvironment()
    {
        const string inlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
        return new() { [inlineCompletions] = Environment.GetEnvironmentVariable(inlineCompletions) ?? "1" };
    }

    private static async Task<double> RunPingAsync(LoadSettings settings, TextWriter progress)
    {
        var callers = settings.Games * 4;
        await using var ping = ChildProcess.Start(
            "ping", "--callers", callers.ToString(CultureInfo.InvariantCulture),
            "--warmup", settings.Warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--seconds", settings.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        var result = await ping.LineAsync(line => line.StartsWith('{'), ChildPatience + settings.Warmup + settings.Duration);
        var callsPerSecond = JsonNode.Parse(result)!["callsPerSecond"]!.GetValue<double>();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline: Orleans ping, {callers:N0} callers: {callsPerSecond:N0} calls/s"));
        return callsPerSecond;
    }

    private static double? KilobytesPerGameAbove(double? megabytes, double? baselineMegabytes, int games) =>
        megabytes is { } a && baselineMegabytes is { } b ? Math.Round((a - b) * 1024 / games, 1) : null;

    /// <summary>NegotiationGame over the fan-out echo: commands per second, server CPU per command, resident memory per game.</summary>
    private static JsonObject Ratios(LoadReport game, LoadReport echo)
    {
        static double? Ratio(double? over, double? under) => over is { } a && under is { } b && b > 0 ? Math.Round(a / b, 3) : null;
        return new JsonObject
        {
            ["commandsPerSecond"] = Ratio(game.CommandsPerSecond, echo.CommandsPerSecond),
            ["serverCpuPerCommand"] = Ratio(game.ServerCpuMsPerCommand, echo.ServerCpuMsPerCommand),
            ["rssPerGame"] = Ratio(game.BytesPerGame, echo.BytesPerGame),
            ["rssPerGameAboveFanOutEchoKB"] = game.BytesPerGame is { } a && echo.BytesPerGame is { } b ? Math.Round((a - b) / 1024, 1) : null,
            ["meanRssPerGameAboveFanOutEchoKB"] = KilobytesPerGameAbove(game.ServerRssMeanMB, echo.ServerRssMeanMB, game.Games),
        };
    }
}
