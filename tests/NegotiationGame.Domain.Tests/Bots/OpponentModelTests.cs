using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Bots;

public sealed class OpponentModelTests
{
    [Fact]
    public void An_option_a_party_keeps_asking_for_is_worth_most_to_it_in_the_model()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Russia, Package((Donetsk, Recognised), (Security, NoGuarantees), (Sanctions, Lifted)), Parties(Us)));
        game.Accept(new TableOffer(Russia, Package((Donetsk, Recognised), (Security, EuropeanForce), (Sanctions, Lifted)), Parties(Us)));
        game.Accept(new TableOffer(Russia, Package((Donetsk, Recognised), (Security, UsTroops), (Sanctions, Kept)), Parties(Us)));

        var model = OpponentModel.Learn(BotView.Of(game.State, Us), Russia);

        Assert.True(model.Cell(Donetsk, Recognised) > model.Cell(Donetsk, Frozen));
        Assert.True(model.Cell(Sanctions, Lifted) > model.Cell(Sanctions, Kept));
        // Donetsk never moved, security moved every time: Donetsk weighs more.
        Assert.True(model.Cell(Donetsk, Recognised) > model.Cell(Security, NoGuarantees));
        Assert.True(
            model.Utility(Package((Donetsk, Recognised), (Security, NoGuarantees), (Sanctions, Lifted))) >
            model.Utility(Package((Donetsk, Returned), (Security, UsTroops), (Sanctions, Kept))));
    }

    [Fact]
    public void An_option_in_offers_a_party_let_fail_and_never_named_itself_becomes_suspect()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Ukraine, Package((Donetsk, Returned)), Parties(Russia)));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var offer = game.State.Offers.Count + 1;
            game.Accept(new TableOffer(Us, Package((Donetsk, Frozen), (Security, EuropeanForce)), Parties(Ukraine), 1));
            game.Accept(new RejectOffer(Ukraine, offer));
        }

        var model = OpponentModel.Learn(BotView.Of(game.State, Us), Ukraine);

        Assert.True(model.IsSuspect(Donetsk, Frozen));
        Assert.False(model.IsSuspect(Donetsk, Returned));
        Assert.False(model.IsSuspect(Donetsk, Recognised)); // never offered to it: nothing is known
    }

    [Fact]
    public void An_offer_a_party_accepted_counts_as_evidence_of_what_it_can_live_with()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Eu, Package((Sanctions, Kept)), Parties(Us)));
        game.Accept(new TableOffer(Russia, Package((Security, EuropeanForce)), Parties(Eu, Us)));
        game.Accept(new AcceptOffer(Eu, 2));

        var model = OpponentModel.Learn(BotView.Of(game.State, Us), Eu);

        Assert.True(model.Cell(Security, EuropeanForce) > model.Cell(Security, UsTroops));
    }
}
