using System.Diagnostics;
using System.Globalization;
using NegotiationGame.LoadTests;
using NegotiationGame.LoadTests.Baselines;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Sqlite;

// Usage: throughput [games] [seconds] [chart.svg] | memory [games]
//        | store [streams] [seconds] [--store sqlite|postgres|marten] [--connection <npgsql connection string>]
//        | stuck-reader <server url> [stuck readers] [seconds per phase]
//        | e2e … (EndToEndCommand.Usage; progress on stderr, one JSON line on stdout)
var mode = args.ElementAtOrDefault(0) ?? "throughput";
switch (mode)
{
    case "e2e":
        return await EndToEndCommand.RunAsync(args, Console.Out, Console.Error);
    case "echo-hub":
        // Hidden: the bare hub that e2e --baseline starts in a process of its own.
        await EchoHubServer.RunAsync(Options.Parse(args).Int("--port", 0), Options.Parse(args).Has("--fan-out"), Console.Out);
        return 0;
    case "ping":
        // Hidden: e2e --baseline's Orleans ping, in a process of its own.
        var pingOptions = Options.Parse(args);
        var calls = await PingRun.MeasureAsync(pingOptions.Int("--callers", 4000), TimeSpan.FromSeconds(pingOptions.Double("--warmup", 5)), TimeSpan.FromSeconds(pingOptions.Double("--seconds", 15)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"callsPerSecond\":{calls:F1}}}"));
        return 0;
}

var output = Console.Out;
output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

if (mode == "memory")
{
    // The durable store keeps the logs on disk, so the managed heap holds what the games themselves hold.
    var games = int.Parse(args.ElementAtOrDefault(1) ?? "10000", CultureInfo.InvariantCulture);
    var memoryPath = Path.Combine(Path.GetTempPath(), $"negotiationgame-memory-{Guid.NewGuid():N}.db");
    await using (var store = new SqliteEventStore(memoryPath))
    {
        await using var cluster = await LoopbackCluster.StartAsync(store);
        var bytes = await MemoryRun.MeasureBytesPerGameAsync(cluster.Client, games, output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: {bytes / 1024:F1} KB of managed heap per active game ({games:N0} games, SQLite store, silo and client in this process)"));
    }

    foreach (var file in Directory.GetFiles(Path.GetDirectoryName(memoryPath)!, Path.GetFileName(memoryPath) + "*"))
    {
        File.Delete(file);
    }

    return 0;
}

if (mode == "stuck-reader")
{
    var server = new Uri(args.ElementAtOrDefault(1) ?? "http://127.0.0.1:5080");
    var stuckReaders = int.Parse(args.ElementAtOrDefault(2) ?? "20", CultureInfo.InvariantCulture);
    var phase = TimeSpan.FromSeconds(double.Parse(args.ElementAtOrDefault(3) ?? "10", CultureInfo.InvariantCulture));
    await StuckReaderRun.RunAsync(server, stuckReaders, phase, output);
    return 0;
}

if (mode == "store")
{
    var streams = int.Parse(args.ElementAtOrDefault(1) ?? "1000", CultureInfo.InvariantCulture);
    var storeDuration = TimeSpan.FromSeconds(double.Parse(args.ElementAtOrDefault(2) ?? "10", CultureInfo.InvariantCulture));
    var kind = OptionValue("--store") ?? "sqlite";
    await using var measured = await StoreUnderTest.OpenAsync(kind, OptionValue("--connection"));
    var firstAppend = await StoreRun.MeasureFirstAppendAsync(measured.Store);
    var commitsBefore = measured.Commits;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var appends = await StoreRun.MeasureAppendsPerSecondAsync(measured.Store, streams, storeDuration);
    var cpuPerAppend = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (appends * storeDuration.TotalSeconds);
    var commitCount = measured.Commits - commitsBefore is { } counted ? string.Create(CultureInfo.InvariantCulture, $"{counted:N0} commits, ") : "";
    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{measured.Description} alone: {appends:N0} appends/s from {streams} streams, {commitCount}{cpuPerAppend:F1} µs of CPU per append; opening {measured.OpenTime.TotalMilliseconds:N0} ms, first append {firstAppend.TotalMilliseconds:N0} ms"));
    return 0;
}

var concurrentGames = int.Parse(args.ElementAtOrDefault(1) ?? "1000", CultureInfo.InvariantCulture);
var seconds = double.Parse(args.ElementAtOrDefault(2) ?? "20", CultureInfo.InvariantCulture);
var slice = TimeSpan.FromSeconds(Math.Min(5, seconds));
var rounds = (int)Math.Ceiling(seconds / slice.TotalSeconds);

var path = Path.Combine(Path.GetTempPath(), $"negotiationgame-load-{Guid.NewGuid():N}.db");
output.WriteLine($"{concurrentGames} concurrent callers; {rounds} rounds of {slice.TotalSeconds} s per series; SQLite file {path}");
IReadOnlyList<SeriesResult> results;
long commits;
await using (var store = new SqliteEventStore(path))
{
    await using var memoryCluster = await LoopbackCluster.StartAsync(new InMemoryEventStore());
    await using var durableCluster = await LoopbackCluster.StartAsync(store);
    results = await ThroughputRun.MeasureAsync(memoryCluster.Client, durableCluster.Client, concurrentGames, slice, rounds, output);
    commits = store.Commits;
}

foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
{
    File.Delete(file);
}

var (ping, memory, durable) = (results[0], results[1], results[2]);
output.WriteLine();
output.WriteLine("| series | calls or commands/s | offers resolved/s | offers / ping | vs in-memory |");
output.WriteLine("|---|---|---|---|---|");
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {ping.Name} | {ping.CallsPerSecond:N0} | | | |"));
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {memory.Name} | {memory.CallsPerSecond:N0} | {memory.OffersPerSecond:N0} | {memory.OffersPerSecond / ping.CallsPerSecond:F2} | 1.00 |"));
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {durable.Name} | {durable.CallsPerSecond:N0} | {durable.OffersPerSecond:N0} | {durable.OffersPerSecond / ping.CallsPerSecond:F2} | {durable.OffersPerSecond / memory.OffersPerSecond:F2} |"));
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SQLite commits: {commits:N0} over the whole run, warm-up included"));

if (args.ElementAtOrDefault(3) is { } chartPath)
{
    var chart = BarChart.Svg(
        $"{concurrentGames:N0} concurrent callers: calls, or offers resolved, per second ({Environment.ProcessorCount} cores)",
        [
            (ping.Name, ping.CallsPerSecond, "#9aa5b1"),
            ("Offers resolved, in-memory store", memory.OffersPerSecond, "#10b981"),
            ("Offers resolved, SQLite store", durable.OffersPerSecond, "#047857"),
        ],
        "/s");
    await File.WriteAllTextAsync(chartPath, chart);
    output.WriteLine($"chart: {Path.GetFullPath(chartPath)}");
}

return 0;

string? OptionValue(string name) => Options.Parse(args).Value(name);
