using System.CommandLine;
using System.Globalization;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.EventLog;

namespace NegotiationGame.Cli;

/// <summary>
/// <c>replay &lt;game.jsonl&gt; [--to N]</c>: the game's state at sequence N (or at the end) as a fold of its log,
/// its hash, and the debrief analytics of the outcome.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output)
    {
        var fileArgument = new Argument<FileInfo>("log") { Description = "A game log written by simulate or export (JSON Lines)." };
        var toOption = new Option<long?>("--to") { Description = "Stop at this sequence number (default: the end)." };
        var command = new Command("replay", "Replay a game log and print the state, its hash and the debrief.") { fileArgument, toOption };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(fileArgument), parseResult.GetValue(toOption), output));
        return command;
    }

    private static int Run(FileInfo file, long? upTo, TextWriter output)
    {
        if (!file.Exists)
        {
            output.WriteLine($"There is no file '{file.FullName}'.");
            return ExitCodes.InvalidInput;
        }

        GameRecord record;
        string gameId;
        try
        {
            using var reader = file.OpenText();
            (gameId, var entries) = GameLogFile.Read(reader);
            record = GameRecord.Replay(entries, upTo);
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or ArgumentException)
        {
            output.WriteLine($"{file.Name}: {exception.Message}");
            return ExitCodes.InvalidInput;
        }

        var state = record.State;
        var scenario = record.Header.Scenario;
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine($"game {gameId}: scenario {scenario.Id}, seed {record.Header.Seed}");
        output.WriteLine(string.Create(invariant, $"at sequence {record.LastSequence}: phase {state.Phase}, round {state.Round} of {scenario.Rounds}{(state.EndReason is { } reason ? $", ended by {reason}" : string.Empty)}"));
        output.WriteLine(string.Create(invariant, $"offers: {state.Offers.Count} tabled, {state.Offers.Count(o => o.Status == OfferStatus.Agreed)} became agreements"));
        foreach (var issue in scenario.Issues)
        {
            var settled = state.Settlements[issue.Index];
            var status = settled is null ? $"no deal ({issue.Options[issue.NoDealOption].Id})" : $"{issue.Options[settled.Option].Id}, {(settled.IsBinding ? "binding" : "provisional")} (agreement #{settled.AgreementId})";
            output.WriteLine($"  {issue.Name,-22} {status}");
        }

        var debrief = GameDebrief.Of(record, ScenarioAnalysis.Analyze(scenario));
        output.WriteLine(string.Create(invariant, $"{(state.Phase == GamePhase.Ended ? "scores" : "utilities of what binds")}: {string.Join(", ", scenario.Parties.Select(p => $"{p.Id} {debrief.Scores[p.Index]:0.00}"))}"));
        output.WriteLine(string.Create(invariant, $"debrief: welfare {debrief.Scores.Sum():0.00}, Pareto-optimal {(debrief.Assessment.IsParetoOptimal ? "yes" : "no")}, distance to frontier {debrief.Assessment.DistanceToFrontier:0.00}, distance to Nash {(debrief.Assessment.DistanceToNash is { } nash ? nash.ToString("0.00", invariant) : "-")}"));
        output.WriteLine($"hash: {GameStateHash.Compute(state)}");
        return ExitCodes.Success;
    }
}
