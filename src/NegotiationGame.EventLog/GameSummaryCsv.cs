using System.Globalization;
using System.Text;
using NegotiationGame.Domain.Analytics;

namespace NegotiationGame.EventLog;

/// <summary>
/// One CSV row per game: id, scenario, phase, how it ended, the binding agreement, each party's score, welfare,
/// Pareto optimality, the distances to the frontier and to the Nash point, and who played each party
/// (docs/operations.md lists the columns).
/// </summary>
public static class GameSummaryCsv
{
    /// <param name="playersOf">
    /// Who played a party of a game, by game id and party id, as a teacher grades it (student names, or the bot). The game
    /// logs do not hold names, so a writer without the class leaves the column empty.
    /// </param>
    public static void Write(TextWriter writer, IReadOnlyList<(string GameId, GameRecord Record)> games, Func<string, string, string>? playersOf = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(games);
        var parties = games.SelectMany(game => game.Record.Header.Scenario.Parties.Select(party => party.Id)).Distinct().ToList();
        writer.WriteLine(string.Join(",", ["game_id", "scenario", "phase", "end_reason", "agreement", .. parties.Select(p => "score_" + p), .. parties.Select(p => "players_" + p), "welfare", "pareto_optimal", "distance_to_frontier", "distance_to_nash"]));
        var analyses = new Dictionary<string, ScenarioAnalysis>(StringComparer.Ordinal);
        foreach (var (gameId, record) in games)
        {
            var scenario = record.Header.Scenario;
            if (!analyses.TryGetValue(record.Header.ScenarioJson, out var analysis))
            {
                analysis = ScenarioAnalysis.Analyze(scenario);
                analyses[record.Header.ScenarioJson] = analysis;
            }

            var debrief = GameDebrief.Of(record, analysis);
            var agreement = string.Join(";", debrief.Binding.Issues().Select(issue => $"{scenario.Issues[issue].Id}={scenario.Issues[issue].Options[debrief.Binding.OptionOf(issue)].Id}"));
            var scores = parties.Select(id => scenario.PartyIndexOf(id) is var index and >= 0 ? Number(debrief.Scores[index]) : string.Empty);
            var players = parties.Select(id => scenario.PartyIndexOf(id) >= 0 && playersOf is not null ? Quote(playersOf(gameId, id)) : string.Empty);
            writer.WriteLine(string.Join(",", [
                Quote(gameId),
                Quote(scenario.Id),
                record.State.Phase.ToString(),
                record.State.EndReason?.ToString() ?? string.Empty,
                Quote(agreement),
                .. scores,
                .. players,
                Number(debrief.Scores.Sum()),
                debrief.Assessment.IsParetoOptimal ? "true" : "false",
                Number(debrief.Assessment.DistanceToFrontier),
                debrief.Assessment.DistanceToNash is { } nash ? Number(nash) : string.Empty]));
        }
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Quote(string text)
    {
        // A student may call themselves "=HYPERLINK(…)": a leading apostrophe keeps a spreadsheet from running it.
        var cell = text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return cell.AsSpan().IndexOfAny(",\"\n\r") < 0 ? cell : new StringBuilder("\"").Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
