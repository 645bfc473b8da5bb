using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Bots;

/// <summary>
/// A scenario with fractional weights counts utility in finer units than hundredths of a point; a bot must weigh its
/// reservation value in the same units as its bids, or it would take deals far below what no deal is worth to it.
/// </summary>
public sealed class UtilityUnitTests
{
    private static Scenario InThirds() =>
        ScenarioLoader.LoadOrThrow(WithWeights(MiniTalksJson(), "us", ("donetsk", "1"), ("security", "1"), ("sanctions", "1")), "thirds");

    [Fact]
    public void A_bot_holds_its_reservation_in_the_units_of_its_own_utilities()
    {
        var scenario = InThirds();
        var preferences = OwnPreferences.Of(scenario, Us);

        Assert.NotEqual(100, scenario.Utilities.UnitsPerPoint);
        Assert.Equal(scenario.Utilities.Reservation(Us), preferences.Reservation);
        Assert.Equal(scenario.Utilities.Utility(Us, preferences.BestPackage), preferences.BestUtility);
    }

    [Fact]
    public void In_the_last_round_of_a_game_in_finer_units_a_bot_still_asks_for_its_whole_reservation_value()
    {
        var scenario = InThirds();
        var game = GameDriver.Negotiating(scenario);
        for (var round = 1; round < scenario.Rounds; round++)
        {
            game.Accept(new AdvanceRound());
        }

        var threshold = NegotiationBot.AcceptanceThreshold(BotView.Of(game.State, Us), BotStrategy.Conceder);

        Assert.Equal(scenario.Profiles[Us].Reservation, scenario.Utilities.Points(threshold), precision: 6);
    }
}
