using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.EventLog;
using NegotiationGame.Storage;

namespace NegotiationGame.Cli;

/// <summary>
/// <c>simulate &lt;scenario&gt; --seed S --bots a,b,c,d --out game.jsonl</c>: a game of bots played through a real
/// in-process silo, round by round, its log written as JSON Lines. With <c>--games N</c>: N games on seeds S to
/// S + N − 1, played in the core with the same turns, summed up in a table.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>How often a long run reports progress on the error stream.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var scenarioArgument = new Argument<string>("scenario") { Description = "A scenario file, or the name of a bundled scenario." };
        var seedOption = new Option<int>("--seed") { Description = "Seeds the bots: the same seed plays the same game.", DefaultValueFactory = _ => 1 };
        var botsOption = new Option<string>("--bots")
        {
            Description = "Strategies for the parties, in scenario order: boulware, conceder, linear, tit-for-tat.",
            DefaultValueFactory = _ => "boulware,conceder,linear,tit-for-tat",
        };
        var outOption = new Option<FileInfo>("--out") { Description = "Where to write the game's log (JSON Lines); needed for a single game." };
        var gamesOption = new Option<int>("--games") { Description = "Play this many games (seeds S, S+1, …) and print a table of how they ended.", DefaultValueFactory = _ => 1 };
        var command = new Command("simulate", "Play a game of bots through an in-process silo and write its log.")
        {
            scenarioArgument,
            seedOption,
            botsOption,
            outOption,
            gamesOption,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(scenarioArgument),
            parseResult.GetValue(seedOption),
            parseResult.GetRequiredValue(botsOption),
            parseResult.GetValue(outOption),
            parseResult.GetValue(gamesOption),
            output,
            error,
            time));
        return command;
    }

    private static async Task<int> RunAsync(string nameOrPath, int seed, string botList, FileInfo? outFile, int games, TextWriter output, TextWriter error, TimeProvider time)
    {
        if (games < 1 || (games == 1 && outFile is null))
        {
            output.WriteLine(games < 1 ? "--games takes a number of games of at least 1." : "A single game needs --out for its log.");
            return ExitCodes.InvalidInput;
        }

        if (ScenarioSource.Resolve(nameOrPath, out var unknown) is not { } source)
        {
            output.WriteLine(unknown);
            return ExitCodes.InvalidInput;
        }

        var loaded = ScenarioLoader.Load(source.Json);
        if (!loaded.Succeeded)
        {
            output.WriteLine($"{source.DisplayName} is not a valid scenario; run 'validate' to see its {loaded.Problems.Length} problem(s).");
            return ExitCodes.InvalidInput;
        }

        var strategies = botList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parties = loaded.Scenario.Parties;
        if (strategies.Length == 0 || strategies.Length > parties.Length || strategies.Any(name => !BotStrategyNames.TryParse(name, out _)))
        {
            output.WriteLine($"--bots takes 1 to {parties.Length} strategies out of boulware, conceder, linear, tit-for-tat.");
            return ExitCodes.InvalidInput;
        }

        if (games > 1)
        {
            return PlayMany(loaded.Scenario, strategies, seed, games, output, error, time);
        }

        var bots = strategies.Select((name, index) => (parties[index].Id, name)).ToImmutableDictionary(pair => pair.Id, pair => pair.name);
        var gameId = string.Create(CultureInfo.InvariantCulture, $"simulation-{seed}");
        await using var silo = await InProcessSilo.StartAsync(new InMemoryEventStore());
        var game = silo.Grains.GetGrain<IGameGrain>(gameId);
        await game.Create(new CreateGameRequest(source.Json, seed, bots));
        var summary = await Instruct(game, new StartNegotiationBody());
        while (summary.Phase != "Ended")
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {summary.Round} of {loaded.Scenario.Rounds}: {summary.LastSequence} events so far"));
            summary = await Instruct(game, new ProcessNowBody());
        }

        var log = new List<LoggedEvent>();
        for (var page = await game.ReadLog(0, 1_000); !page.IsEmpty; page = await game.ReadLog(log.Count, 1_000))
        {
            log.AddRange(page);
        }

        await using (var writer = outFile!.CreateText())
        {
            GameLogFile.Write(writer, gameId, log);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ended after {log.Count} events; scores: {string.Join(", ", summary.Scores.OrderBy(s => loaded.Scenario.PartyIndexOf(s.Key)).Select(s => $"{s.Key} {s.Value:0.00}"))}"));
        output.WriteLine($"log: {outFile.FullName}");
        output.WriteLine($"hash: {summary.StateHash}");
        return ExitCodes.Success;
    }

    private static int PlayMany(Scenario scenario, string[] strategies, int seed, int games, TextWriter output, TextWriter error, TimeProvider time)
    {
        var bots = new BotStrategy?[scenario.Parties.Length];
        for (var party = 0; party < strategies.Length; party++)
        {
            bots[party] = BotStrategyNames.TryParse(strategies[party], out var strategy) ? strategy : null;
        }

        error.WriteLine($"analysing {scenario.Id}…");
        var analysis = ScenarioAnalysis.Analyze(scenario);
        var started = time.GetTimestamp();
        var reported = TimeSpan.Zero;
        var result = BotSimulation.Run(analysis, bots, seed, games, played =>
        {
            var elapsed = time.GetElapsedTime(started);
            if (elapsed - reported >= ProgressInterval || played == games)
            {
                reported = elapsed;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{played} of {games} games played ({elapsed.TotalSeconds:0} s)"));
            }
        });
        SimulationTableWriter.Write(output, scenario, string.Join(',', strategies), seed, result);
        return ExitCodes.Success;
    }

    private static async Task<GameSummary> Instruct(IGameGrain game, CommandBody body)
    {
        await game.Execute(new GameCommandRequest(Guid.NewGuid(), Actors.Instructor, body));
        return await game.GetSummary();
    }
}
