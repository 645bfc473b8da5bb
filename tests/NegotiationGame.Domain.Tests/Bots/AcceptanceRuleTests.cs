using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Bots;

public sealed class AcceptanceRuleTests
{
    [Fact]
    public void Before_tabling_this_round_a_bot_asks_for_this_rounds_target_and_after_it_for_the_next_rounds()
    {
        var game = GameDriver.Negotiating();
        var before = NegotiationBot.AcceptanceThreshold(BotView.Of(game.State, Us), BotStrategy.Linear);
        game.Accept(new TableOffer(Us, Package((Donetsk, Frozen)), Parties(Russia), 1));
        var after = NegotiationBot.AcceptanceThreshold(BotView.Of(game.State, Us), BotStrategy.Linear);
        game.Accept(new AdvanceRound());
        var nextRound = Aspiration.Target(BotView.Of(game.State, Us), BotStrategy.Linear);

        Assert.Equal(Aspiration.Target(BotView.Of(GameDriver.Negotiating().State, Us), BotStrategy.Linear), before);
        Assert.Equal(nextRound, after);
        Assert.True(after < before, $"{after} < {before}");
    }

    [Fact]
    public void In_the_last_round_a_bot_takes_any_deal_worth_its_reservation_value()
    {
        var game = GameDriver.Negotiating();
        for (var round = 1; round < MiniTalks().Rounds; round++)
        {
            game.Accept(new AdvanceRound());
        }

        foreach (var strategy in Enum.GetValues<BotStrategy>())
        {
            Assert.Equal(MiniTalks().Utilities.Reservation(Us), NegotiationBot.AcceptanceThreshold(BotView.Of(game.State, Us), strategy));
        }
    }

    [Fact]
    public void A_bot_leaves_an_offer_it_will_not_take_open_while_another_party_it_needs_has_not_answered()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Russia, Package((Donetsk, Recognised), (Security, NoGuarantees), (Sanctions, Lifted)), Parties(Us, Ukraine)));

        var commands = NegotiationBot.Decide(game.State, Us, BotStrategy.Boulware, seed: 1, BotTurn.Answer);

        Assert.Empty(commands);
    }

    [Fact]
    public void A_bot_never_accepts_an_offer_across_its_red_line_even_at_the_deadline()
    {
        var game = GameDriver.Negotiating();
        for (var round = 1; round < MiniTalks().Rounds; round++)
        {
            game.Accept(new AdvanceRound());
        }

        // US troops are the US's red line; everything else is the US's favourite.
        game.Accept(new TableOffer(Russia, Package((Donetsk, Frozen), (Security, UsTroops), (Sanctions, Lifted)), Parties(Us)));

        var commands = NegotiationBot.Decide(game.State, Us, BotStrategy.Conceder, seed: 1, BotTurn.Answer);

        Assert.Equal([new RejectOffer(Us, 1)], commands.ToArray());
    }
}
