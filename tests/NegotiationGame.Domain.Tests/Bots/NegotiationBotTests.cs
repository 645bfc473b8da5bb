using System.Text.Json.Nodes;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Bots;

public sealed class NegotiationBotTests
{
    private static readonly BotStrategy?[] FourBots = [BotStrategy.Boulware, BotStrategy.Conceder, BotStrategy.Linear, BotStrategy.TitForTat];

    [Fact]
    public void A_game_of_four_bots_plays_to_its_end_by_itself()
    {
        var (state, events) = BotPlay.PlayToEnd(GameState.Start(MiniTalks()), FourBots, seed: 42);

        Assert.Equal(GamePhase.Ended, state.Phase);
        Assert.Contains(events, e => e is OfferTabled);
        Assert.IsType<GameEnded>(events[^1]);
        Assert.Equal(GameStateHash.Compute(state), GameStateHash.Compute(GameRules.ApplyAll(GameState.Start(MiniTalks()), events)));
    }

    [Fact]
    public void The_same_seed_plays_the_same_game_and_another_seed_another()
    {
        // Eight issues of four options over twelve rounds: enough room and time for the seed to change where in
        // their bands the bots bid (with three rounds they agree on their opening bids, which the seed does not touch).
        var json = JsonNode.Parse(RandomScenarios.Sized(parties: 4, issues: 8, options: 4, seed: 8).ToJson())!;
        json["rounds"] = 12;
        var scenario = ScenarioLoader.LoadOrThrow(json.ToJsonString(), "random");
        var first = BotPlay.PlayToEnd(GameState.Start(scenario), FourBots, seed: 7).Events;
        var again = BotPlay.PlayToEnd(GameState.Start(scenario), FourBots, seed: 7).Events;
        var seeds = Enumerable.Range(1, 5).Select(seed => BotPlay.PlayToEnd(GameState.Start(scenario), FourBots, seed).Events);

        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.Contains(seeds, other => !other.SequenceEqual(first));
    }

    [Fact]
    public void Bots_reach_agreements_in_some_games()
    {
        var concluded = Enumerable.Range(1, 20)
            .Count(seed => BotPlay.PlayToEnd(GameState.Start(MiniTalks()), FourBots, seed).Events.Any(e => e is AgreementConcluded));

        Assert.True(concluded > 0);
    }

    [Theory]
    [InlineData(BotStrategy.Boulware)]
    [InlineData(BotStrategy.Conceder)]
    [InlineData(BotStrategy.Linear)]
    public void Time_dependent_aspiration_falls_from_the_best_outcome_to_the_reservation_value(BotStrategy strategy)
    {
        var game = GameDriver.Negotiating();
        var targets = new List<int>();
        for (var round = 1; round <= MiniTalks().Rounds; round++)
        {
            targets.Add(Aspiration.Target(BotView.Of(game.State, Us), strategy));
            if (round < MiniTalks().Rounds)
            {
                game.Accept(new AdvanceRound());
            }
        }

        Assert.Equal(BotView.Of(game.State, Us).Preferences.BestUtility, targets[0]);
        Assert.Equal(MiniTalks().Utilities.Reservation(Us), targets[^1]);
        Assert.True(targets.Zip(targets.Skip(1)).All(pair => pair.First >= pair.Second));
    }

    [Fact]
    public void Boulware_holds_out_longer_than_linear_and_linear_longer_than_conceder()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new AdvanceRound());
        var view = BotView.Of(game.State, Us);

        var boulware = Aspiration.Target(view, BotStrategy.Boulware);
        var linear = Aspiration.Target(view, BotStrategy.Linear);
        var conceder = Aspiration.Target(view, BotStrategy.Conceder);

        Assert.True(boulware > linear && linear > conceder, $"{boulware} > {linear} > {conceder}");
    }

    [Fact]
    public void The_concession_curves_follow_their_exponents_halfway_through_the_game()
    {
        // Round 2 of 3 is t = 0.5: u* = r + (u_max − r)·(1 − 0.5^(1/e)).
        var game = GameDriver.Negotiating();
        game.Accept(new AdvanceRound());
        var view = BotView.Of(game.State, Us);
        var best = view.Preferences.BestUtility;
        var reservation = view.Preferences.Reservation;

        int Expected(double exponent) => reservation + (int)Math.Round((best - reservation) * (1 - Math.Pow(0.5, 1 / exponent)));

        Assert.Equal(Expected(0.2), Aspiration.Target(view, BotStrategy.Boulware));
        Assert.Equal(Expected(1), Aspiration.Target(view, BotStrategy.Linear));
        Assert.Equal(Expected(3), Aspiration.Target(view, BotStrategy.Conceder));
    }

    [Fact]
    public void Tit_for_tat_concedes_as_much_as_it_was_conceded_to()
    {
        var game = GameDriver.Negotiating();
        var best = BotView.Of(game.State, Us).Preferences.BestUtility;
        Assert.Equal(best, Aspiration.Target(BotView.Of(game.State, Us), BotStrategy.TitForTat));

        // Russia first offers the US Donetsk recognised (80 for the US), then frozen (100): a concession of 20 × 20.
        game.Accept(new TableOffer(Russia, Package((Donetsk, Recognised)), Parties(Us)));
        game.Accept(new TableOffer(Russia, Package((Donetsk, Frozen)), Parties(Us)));

        Assert.Equal(best - (20 * 20), Aspiration.Target(BotView.Of(game.State, Us), BotStrategy.TitForTat));
    }

    [Fact]
    public void A_bot_accepts_what_meets_its_aspiration_and_rejects_what_does_not()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new AdvanceRound());
        game.Accept(new AdvanceRound());
        game.Accept(new TableOffer(Russia, Package((Donetsk, Frozen), (Security, EuropeanForce), (Sanctions, Lifted)), Parties(Us)));
        game.Accept(new TableOffer(Ukraine, Package((Security, UsTroops)), Parties(Us)));

        var commands = NegotiationBot.Decide(game.State, Us, BotStrategy.Conceder, seed: 1, BotTurn.Answer);

        Assert.Equal([new AcceptOffer(Us, 1), new RejectOffer(Us, 2)], commands.ToArray());
    }
}
