using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Events;

namespace NegotiationGame.Scenarios.Tests;

public sealed class BundledScenarioBotTests
{
    private static readonly BotStrategy?[] FourBots = [BotStrategy.Boulware, BotStrategy.Conceder, BotStrategy.Linear, BotStrategy.TitForTat];

    [Fact]
    public void Four_bots_play_the_bundled_scenario_to_the_end_the_same_way_every_time()
    {
        var scenario = BundledScenarios.Load("ukraine-2025");

        var (state, events) = BotPlay.PlayToEnd(GameState.Start(scenario), FourBots, seed: 2025);
        var (replayed, again) = BotPlay.PlayToEnd(GameState.Start(scenario), FourBots, seed: 2025);

        Assert.Equal(GamePhase.Ended, state.Phase);
        Assert.True(events.Count(e => e is OfferTabled) >= scenario.Rounds);
        Assert.Equal(events.ToArray(), again.ToArray());
        Assert.Equal(GameStateHash.Compute(state), GameStateHash.Compute(replayed));
        Assert.All(((GameEnded)events[^1]).Scores, score => Assert.InRange(score, 0, 100));
    }

    [Fact]
    public void Default_bots_bind_every_issue_of_the_bundled_scenario_on_a_handful_of_seeds()
    {
        var analysis = ScenarioAnalysis.Analyze(BundledScenarios.Load("ukraine-2025"));

        var result = BotSimulation.Run(analysis, FourBots, firstSeed: 1, games: 5);

        // docs/bots.md: seeds 1–100 bind every issue in 100 % of games; five seeds must all agree, close to the frontier.
        Assert.Equal(5, result.Agreements);
        Assert.True(result.MeanDistanceToFrontier < 5, $"distance to the frontier {result.MeanDistanceToFrontier}");
        Assert.All(result.MeanScoreOverReservation.Skip(1), gain => Assert.True(gain > -5, $"gain {gain}"));
    }
}
