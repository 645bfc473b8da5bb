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
}
