using System.CommandLine;
using System.Globalization;
using NegotiationGame.Contracts;
using NegotiationGame.EventLog;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Sqlite;

namespace NegotiationGame.Cli;

/// <summary>
/// <c>export</c> and <c>import</c>: move games between a server's store (the embedded SQLite file) and JSON Lines
/// files, one per game, with a CSV summary of all of them on export. A running server holds its store, so both refuse
/// to open it until the server is stopped.
/// </summary>
internal static class StoreCommands
{
    public const string DefaultDataPath = "data/negotiationgame.db";

    public static Command CreateExport(TextWriter output)
    {
        var dataOption = DataOption();
        var outOption = new Option<DirectoryInfo>("--out") { Description = "Folder for <game>.jsonl files and summary.csv.", Required = true };
        var command = new Command("export", "Write every game of a store as JSON Lines, with a CSV summary.") { dataOption, outOption };
        command.SetAction((parseResult, _) => ExportAsync(parseResult.GetRequiredValue(dataOption), parseResult.GetRequiredValue(outOption), output));
        return command;
    }

    public static Command CreateImport(TextWriter output)
    {
        var dataOption = DataOption();
        var filesArgument = new Argument<FileInfo[]>("logs") { Description = "Game logs (JSON Lines) to add to the store.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Add game logs to a store, after replaying each to check it.") { dataOption, filesArgument };
        command.SetAction((parseResult, _) => ImportAsync(parseResult.GetRequiredValue(dataOption), parseResult.GetRequiredValue(filesArgument), output));
        return command;
    }

    private static Option<FileInfo> DataOption() => new("--data")
    {
        Description = $"The server's SQLite store (default {DefaultDataPath}).",
        DefaultValueFactory = _ => new FileInfo(DefaultDataPath),
    };

    private static async Task<int> ExportAsync(FileInfo data, DirectoryInfo target, TextWriter output)
    {
        if (!data.Exists)
        {
            output.WriteLine($"There is no store at '{data.FullName}'.");
            return ExitCodes.InvalidInput;
        }

        await using var store = Open(data, output);
        if (store is null)
        {
            return ExitCodes.InvalidInput;
        }

        target.Create();
        var streams = await store.ListStreamsAsync(EventStreams.GamePrefix);
        var games = new List<(string GameId, GameRecord Record)>();
        foreach (var stream in streams)
        {
            var gameId = EventStreams.GameIdOf(stream);
            var log = await ReadAllAsync(store, stream);
            await using (var writer = File.CreateText(Path.Combine(target.FullName, gameId + ".jsonl")))
            {
                GameLogFile.Write(writer, gameId, log);
            }

            games.Add((gameId, GameRecord.Replay(log)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {games.Count} of {streams.Count}: {gameId} ({log.Count} events)"));
        }

        await using (var csv = File.CreateText(Path.Combine(target.FullName, "summary.csv")))
        {
            GameSummaryCsv.Write(csv, games);
        }

        output.WriteLine($"summary: {Path.Combine(target.FullName, "summary.csv")}");
        return ExitCodes.Success;
    }

    private static async Task<int> ImportAsync(FileInfo data, FileInfo[] files, TextWriter output)
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
                return ExitCodes.InvalidInput;
            }
        }

        await using var store = Open(data, output);
        if (store is null)
        {
            return ExitCodes.InvalidInput;
        }

        var failed = 0;
        foreach (var (gameId, entries) in logs)
        {
            try
            {
                await store.AppendAsync(EventStreams.Game(gameId), entries);
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

    /// <summary>Opens the store, or says in one line why not: a running server holds it, or it is not a store of this version.</summary>
    private static SqliteEventStore? Open(FileInfo data, TextWriter output)
    {
        try
        {
            return new SqliteEventStore(data.FullName);
        }
        catch (Exception exception) when (exception is StoreInUseException or InvalidDataException)
        {
            output.WriteLine(exception.Message);
            return null;
        }
    }

    private static async Task<List<LoggedEvent>> ReadAllAsync(SqliteEventStore store, string stream)
    {
        var log = new List<LoggedEvent>();
        for (var page = await store.ReadAsync(stream, 0, 1_000); page.Count > 0; page = await store.ReadAsync(stream, log.Count, 1_000))
        {
            log.AddRange(page);
        }

        return log;
    }
}
