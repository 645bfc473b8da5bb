using System.Collections.Immutable;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Negotiation;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// Plays many all-bot games of one scenario, seed after seed, and sums up how they ended, measured with the
/// scenario's exact analytics. Each game runs exactly the turns the game grain gives bots (<see cref="BotPlay.PlayToEnd"/>).
/// </summary>
public static class BotSimulation
{
    /// <param name="progress">Called after each game with the number of games played so far.</param>
    public static SimulationResult Run(ScenarioAnalysis analysis, IReadOnlyList<BotStrategy?> bots, int firstSeed, int games, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(games);
        var scenario = analysis.Scenario;
        var parties = scenario.Parties.Length;
        var agreed = 0;
        double rounds = 0, welfare = 0, frontier = 0, nash = 0;
        var gains = new double[parties];
        for (var game = 0; game < games; game++)
        {
            var (state, _) = BotPlay.PlayToEnd(GameState.Start(scenario), bots, unchecked(firstSeed + game));
            var binding = state.BindingPackage();
            if (binding.IssueCount == scenario.Issues.Length)
            {
                agreed++;
                rounds += state.Settlements.Max(settlement => settlement?.BoundInRound ?? 0);
            }

            var assessment = analysis.Assess(binding);
            welfare += scenario.Utilities.Points(assessment.Welfare);
            frontier += assessment.DistanceToFrontier;
            nash += assessment.DistanceToNash ?? 0;
            for (var party = 0; party < parties; party++)
            {
                gains[party] += state.FinalScores[party] - scenario.Profiles[party].Reservation;
            }

            progress?.Invoke(game + 1);
        }

        return new SimulationResult(
            games,
            agreed,
            agreed == 0 ? null : rounds / agreed,
            welfare / games,
            frontier / games,
            analysis.Nash is null ? null : nash / games,
            [.. gains.Select(gain => gain / games)]);
    }
}
