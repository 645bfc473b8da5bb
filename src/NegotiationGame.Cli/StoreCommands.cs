using System.CommandLine;
using System.Globalization;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.EventLog;
using NegotiationGame.Grains.Classes;
using NegotiationGame.Storage;

namespace NegotiationGame.Cli;

/// <summary>
/// <c>export</c> and <c>import</c>: move games between a server's store and JSON Lines files, one per game, with a CSV
/// summary of all of them on export. The store is the embedded server's SQLite file, which a running server holds, so
/// that both refuse it until the server is stopped; or a cluster's PostgreSQL database, which its nodes share with
/// these commands while they run.
/// </summary>
internal static class StoreCommands
{
    public static Command CreateExport(TextWriter output)
    {
        var store = new StoreLocation();
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder for <game>.jsonl files and summary.csv.", Required = true };
        var command = new Command("export", "Write every game of a store as JSON Lines, with a CSV summary.") { outOption };
        store.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => store.RunAsync(
            parseResult,
            StoreAccess.Read,
            output,
            opened => ExportAsync(opened, parseResult.GetRequiredValue(outOption), output, cancellationToken),
            cancellationToken));
        return command;
    }

    public static Command CreateImport(TextWriter output)
    {
        var store = new StoreLocation();
        var filesArgument = new Argument<FileInfo[]>("logs") { Description = "Game logs (JSON Lines) to add to the store.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Add game logs to a store, after replaying each to check it.") { filesArgument };
        store.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Every file is checked before the store is opened, so that a bad file leaves the store untouched.
            var logs = ReadLogs(parseResult.GetRequiredValue(filesArgument), output);
            return logs is null
                ? ExitCodes.InvalidInput
                : await store.RunAsync(parseResult, StoreAccess.Write, output, opened => ImportAsync(opened, logs, output, cancellationToken), cancellationToken);
        });
        return command;
    }

    /// <remarks>
    /// On a store that is being written (a running cluster), each game's log is read gap-free up to its end at the
    /// moment it is read; games are read one after another, so the export is no snapshot of all games at one instant.
    /// </remarks>
    private static async Task<int> ExportAsync(IEventStore store, DirectoryInfo target, TextWriter output, CancellationToken cancellationToken)
    {
        target.Create();
        var streams = await store.ListStreamsAsync(EventStreams.GamePrefix, cancellationToken);
        var games = new List<(string GameId, GameRecord Record)>();
        foreach (var stream in streams)
        {
            var gameId = EventStreams.GameIdOf(stream);
            var log = await ReadAllAsync(store, stream, cancellationToken);
            await using (var writer = File.CreateText(Path.Combine(target.FullName, gameId + ".jsonl")))
            {
                GameLogFile.Write(writer, gameId, log);
            }

            games.Add((gameId, GameRecord.Replay(log)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {games.Count} of {streams.Count}: {gameId} ({log.Count} events)"));
        }

        var classes = await ClassesOfGamesAsync(store, cancellationToken);
        await using (var csv = File.CreateText(Path.Combine(target.FullName, "summary.csv")))
        {
            GameSummaryCsv.Write(csv, games, (gameId, partyId) => classes.TryGetValue(gameId, out var summary) ? summary.PlayersOf(gameId, partyId) : string.Empty);
        }

        output.WriteLine($"summary: {Path.Combine(target.FullName, "summary.csv")}");
        return ExitCodes.Success;
    }

    /// <summary>Every class of the store by the ids of its games, so that the summary names who played each role.</summary>
    private static async Task<Dictionary<string, ClassSummary>> ClassesOfGamesAsync(IEventStore store, CancellationToken cancellationToken)
    {
        var classes = new Dictionary<string, ClassSummary>(StringComparer.Ordinal);
        foreach (var stream in await store.ListStreamsAsync(EventStreams.ClassPrefix, cancellationToken))
        {
            var log = await ReadAllAsync(store, stream, cancellationToken);
            if (log.Count == 0)
            {
                continue;
            }

            var summary = ClassLogs.Summarize(stream[EventStreams.ClassPrefix.Length..], log);
            foreach (var gameId in summary.GameIds)
            {
                classes[gameId] = summary;
            }
        }

        return classes;
    }

    /// <summary>The games in <paramref name="files"/>, each replayed to check it; or null, once one file has been named as bad.</summary>
    private static List<(string GameId, List<LoggedEvent> Entries)>? ReadLogs(FileInfo[] files, TextWriter output)
    {
        var logs = new List<(string GameId, List<LoggedEvent> Entries)>();
        foreach (var file in files)
        {
            try
            {
                using var reader = file.OpenText();
                var (gameId, entries) = GameLogFile.Read(reader);
                GameRecord.Replay(entries);
                logs.Add((gameId, entries));
            }
            catch (Exception exception) when (exception is FormatException or IOException or ArgumentException)
            {
                output.WriteLine($"{file.Name}: {exception.Message}");
                return null;
            }
        }

        return logs;
    }

    private static async Task<int> ImportAsync(IEventStore store, List<(string GameId, List<LoggedEvent> Entries)> logs, TextWriter output, CancellationToken cancellationToken)
    {
        var failed = 0;
        foreach (var (gameId, entries) in logs)
        {
            try
            {
                await store.AppendAsync(EventStreams.Game(gameId), entries, cancellationToken);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"imported {gameId} ({entries.Count} events)"));
            }
            catch (EventStoreConflictException)
            {
                failed++;
                output.WriteLine($"{gameId}: the store already has a game with this id; nothing imported for it.");
            }
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static async Task<List<LoggedEvent>> ReadAllAsync(IEventStore store, string stream, CancellationToken cancellationToken)
    {
        var log = new List<LoggedEvent>();
        for (var page = await store.ReadAsync(stream, 0, 1_000, cancellationToken);
            page.Count > 0;
            page = await store.ReadAsync(stream, log.Count, 1_000, cancellationToken))
        {
            log.AddRange(page);
        }

        return log;
    }
}
