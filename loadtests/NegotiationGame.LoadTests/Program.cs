using System.Diagnostics;
using System.Globalization;
using NegotiationGame.LoadTests;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Sqlite;

// Usage: throughput [games] [seconds] [chart.svg] | memory [games] | store [streams] [seconds]
var mode = args.ElementAtOrDefault(0) ?? "throughput";
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

    return;
}

if (mode == "store")
{
    var streams = int.Parse(args.ElementAtOrDefault(1) ?? "1000", CultureInfo.InvariantCulture);
    var storeDuration = TimeSpan.FromSeconds(double.Parse(args.ElementAtOrDefault(2) ?? "10", CultureInfo.InvariantCulture));
    var storePath = Path.Combine(Path.GetTempPath(), $"negotiationgame-store-{Guid.NewGuid():N}.db");
    await using (var store = new SqliteEventStore(storePath))
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var appends = await StoreRun.MeasureAppendsPerSecondAsync(store, streams, storeDuration);
        var cpuPerAppend = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (appends * storeDuration.TotalSeconds);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SQLite store alone: {appends:N0} appends/s from {streams} streams, {store.Commits:N0} commits, {cpuPerAppend:F1} µs of CPU per append"));
    }

    foreach (var file in Directory.GetFiles(Path.GetDirectoryName(storePath)!, Path.GetFileName(storePath) + "*"))
    {
        File.Delete(file);
    }

    return;
}

var concurrentGames = int.Parse(args.ElementAtOrDefault(1) ?? "1000", CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(double.Parse(args.ElementAtOrDefault(2) ?? "20", CultureInfo.InvariantCulture));

output.WriteLine($"in-memory store, {concurrentGames} concurrent games, {duration.TotalSeconds} s per measurement");
double inMemoryOffers, inMemoryPing;
await using (var cluster = await LoopbackCluster.StartAsync(new InMemoryEventStore()))
{
    (inMemoryPing, inMemoryOffers, _) = await ThroughputRun.MeasureAsync(cluster.Client, concurrentGames, duration, "memory", output);
}

var path = Path.Combine(Path.GetTempPath(), $"negotiationgame-load-{Guid.NewGuid():N}.db");
output.WriteLine($"SQLite store ({path}), {concurrentGames} concurrent games");
double durableOffers, durablePing;
long commits;
await using (var store = new SqliteEventStore(path))
{
    await using (var cluster = await LoopbackCluster.StartAsync(store))
    {
        (durablePing, durableOffers, _) = await ThroughputRun.MeasureAsync(cluster.Client, concurrentGames, duration, "sqlite", output);
    }

    commits = store.Commits;
}

foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
{
    File.Delete(file);
}

output.WriteLine();
output.WriteLine("| store | ping calls/s | offers resolved/s | commands/s | offers / ping | vs in-memory |");
output.WriteLine("|---|---|---|---|---|---|");
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| in-memory | {inMemoryPing:N0} | {inMemoryOffers:N0} | {2 * inMemoryOffers:N0} | {inMemoryOffers / inMemoryPing:F2} | 1.00 |"));
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| SQLite (group commit) | {durablePing:N0} | {durableOffers:N0} | {2 * durableOffers:N0} | {durableOffers / durablePing:F2} | {durableOffers / inMemoryOffers:F2} |"));
output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SQLite commits: {commits:N0} for {2 * durableOffers * duration.TotalSeconds:N0} commands ({2 * durableOffers * duration.TotalSeconds / Math.Max(1, commits):F1} appends per commit)"));

if (args.ElementAtOrDefault(3) is { } chartPath)
{
    var chart = BarChart.Svg(
        $"{concurrentGames:N0} concurrent games, calls or commands per second ({Environment.ProcessorCount} cores)",
        [
            ("Orleans ping (baseline)", inMemoryPing, "#9aa5b1"),
            ("Game commands, in-memory store", 2 * inMemoryOffers, "#3b82f6"),
            ("Game commands, SQLite store", 2 * durableOffers, "#1e40af"),
            ("Offers resolved, in-memory", inMemoryOffers, "#10b981"),
            ("Offers resolved, SQLite", durableOffers, "#047857"),
        ],
        "/s");
    await File.WriteAllTextAsync(chartPath, chart);
    output.WriteLine($"chart: {Path.GetFullPath(chartPath)}");
}
