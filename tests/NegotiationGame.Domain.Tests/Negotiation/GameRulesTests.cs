using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Negotiation;

public sealed class GameRulesTests
{
    private static readonly Package FullDeal = Package((Donetsk, Frozen), (Security, EuropeanForce), (Sanctions, Kept));

    [Fact]
    public void A_game_moves_from_lobby_through_briefing_to_round_one()
    {
        var game = new GameDriver(MiniTalks());
        Assert.Equal(GamePhase.Lobby, game.State.Phase);
        game.Accept(new StartBriefing());
        Assert.Equal(GamePhase.Briefing, game.State.Phase);
        game.Refuse(new StartBriefing(), RuleViolationCode.WrongPhase);
        game.Accept(new StartNegotiation());
        Assert.Equal((GamePhase.Negotiation, 1), (game.State.Phase, game.State.Round));
        game.Refuse(new StartNegotiation(), RuleViolationCode.WrongPhase);
    }

    [Fact]
    public void Nothing_can_be_negotiated_before_the_negotiation_starts()
    {
        var game = new GameDriver(MiniTalks());
        game.Refuse(new TableOffer(Us, FullDeal, Parties(Russia)), RuleViolationCode.GameNotStarted);
        game.Refuse(new AdvanceRound(), RuleViolationCode.GameNotStarted);
    }

    [Fact]
    public void Tabling_numbers_offers_and_records_expiry()
    {
        var game = GameDriver.Negotiating();
        var first = Assert.IsType<OfferTabled>(Assert.Single(game.Accept(new TableOffer(Us, FullDeal, Parties(Russia), ExpiresAfterRounds: 2))));
        var second = Assert.IsType<OfferTabled>(Assert.Single(game.Accept(new TableOffer(Russia, Package((Donetsk, Recognised)), Parties(Us)))));
        Assert.Equal((1, 3), (first.OfferId, first.ExpiresAtRound));
        Assert.Equal((2, null), (second.OfferId, second.ExpiresAtRound));
        Assert.Equal(OfferStatus.Open, game.State.FindOffer(1)!.Status);
        Assert.Equal(Parties(Us), game.State.FindOffer(1)!.Accepted);
    }

    [Fact]
    public void An_agreement_binds_when_every_addressee_and_every_required_signatory_accepts()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, FullDeal, Parties(Russia, Ukraine, Eu)));
        Assert.IsType<OfferAccepted>(Assert.Single(game.Accept(new AcceptOffer(Russia, 1))));
        Assert.IsType<OfferAccepted>(Assert.Single(game.Accept(new AcceptOffer(Ukraine, 1))));

        var events = game.Accept(new AcceptOffer(Eu, 1));

        var concluded = Assert.IsType<AgreementConcluded>(events[1]);
        Assert.Equal(0b111, concluded.BindingIssueMask);
        var ended = Assert.IsType<GameEnded>(events[2]);
        Assert.Equal(GameEndReason.AllIssuesBound, ended.Reason);
        Assert.Equal([79.0, 44.0, 62.0, 76.0], ended.Scores.ToArray());
        Assert.Equal(GamePhase.Ended, game.State.Phase);
        Assert.All(game.State.Settlements, settlement => Assert.True(settlement!.IsBinding));
    }

    [Fact]
    public void A_deal_between_two_parties_stays_provisional_until_the_missing_signatories_sign()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, Package((Donetsk, Recognised), (Sanctions, Lifted)), Parties(Russia)));

        var concluded = Assert.IsType<AgreementConcluded>(game.Accept(new AcceptOffer(Russia, 1))[1]);

        Assert.Equal(0, concluded.BindingIssueMask);
        Assert.False(game.State.Settlements[Donetsk]!.IsBinding);
        Assert.False(game.State.Settlements[Sanctions]!.IsBinding);
        Assert.True(game.State.BindingPackage().IsEmpty);
        Assert.Equal((Recognised, Lifted), (game.State.Settlements[Donetsk]!.Option, game.State.Settlements[Sanctions]!.Option));

        var signed = Assert.IsType<AgreementSigned>(Assert.Single(game.Accept(new SignAgreement(Ukraine, 1))));
        Assert.Equal(1 << Donetsk, signed.NewlyBindingIssueMask);
        Assert.True(game.State.Settlements[Donetsk]!.IsBinding);

        game.Accept(new SignAgreement(Eu, 1));
        Assert.True(game.State.Settlements[Sanctions]!.IsBinding);
        Assert.Equal(GamePhase.Negotiation, game.State.Phase);
    }

    [Fact]
    public void A_force_provider_must_sign_the_guarantee_that_sends_its_troops()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Ukraine, Package((Security, UsTroops)), Parties(Eu)));
        var concluded = Assert.IsType<AgreementConcluded>(game.Accept(new AcceptOffer(Eu, 1))[1]);
        Assert.Equal(0, concluded.BindingIssueMask);

        game.Accept(new SignAgreement(Us, 1));

        Assert.True(game.State.Settlements[Security]!.IsBinding);
    }

    [Fact]
    public void Changing_an_earlier_agreement_needs_the_consent_of_its_signatories()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, Package((Donetsk, Recognised)), Parties(Russia)));
        game.Accept(new AcceptOffer(Russia, 1));

        game.Accept(new TableOffer(Ukraine, Package((Donetsk, Frozen)), Parties(Russia)));
        var onlyAccepted = game.Accept(new AcceptOffer(Russia, 2));
        Assert.IsType<OfferAccepted>(Assert.Single(onlyAccepted));
        Assert.Equal(Recognised, game.State.Settlements[Donetsk]!.Option);

        var concluded = Assert.IsType<AgreementConcluded>(game.Accept(new AcceptOffer(Us, 2))[1]);

        Assert.Equal(1 << Donetsk, concluded.BindingIssueMask);
        Assert.Equal((2, Frozen, true), (game.State.Settlements[Donetsk]!.AgreementId, game.State.Settlements[Donetsk]!.Option, game.State.Settlements[Donetsk]!.IsBinding));
    }

    [Fact]
    public void Agreeing_again_on_what_already_binds_keeps_it_binding()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Ukraine, Package((Donetsk, Frozen)), Parties(Russia)));
        game.Accept(new AcceptOffer(Russia, 1));
        Assert.True(game.State.Settlements[Donetsk]!.IsBinding);

        game.Accept(new TableOffer(Us, Package((Donetsk, Frozen), (Sanctions, Kept)), Parties(Russia)));
        game.Accept(new AcceptOffer(Russia, 2));

        var settlement = game.State.Settlements[Donetsk]!;
        Assert.Equal((1, true), (settlement.AgreementId, settlement.IsBinding));
        Assert.Equal(Parties(Us, Russia, Ukraine), settlement.Signatories);
    }

    [Fact]
    public void Rejecting_closes_the_offer()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, FullDeal, Parties(Russia, Eu)));
        game.Accept(new RejectOffer(Eu, 1));
        Assert.Equal(OfferStatus.Rejected, game.State.FindOffer(1)!.Status);
        game.Refuse(new AcceptOffer(Russia, 1), RuleViolationCode.OfferNotOpen);
    }

    [Fact]
    public void A_counter_from_an_addressee_rejects_the_original_and_answers_everyone_else_on_it()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, FullDeal, Parties(Russia, Eu)));

        var events = game.Accept(new CounterOffer(Russia, 1, Package((Donetsk, Recognised))));

        Assert.Equal(new OfferRejected(1, Russia), events[0]);
        var counter = Assert.IsType<OfferTabled>(events[1]);
        Assert.Equal((2, Russia, Parties(Us, Eu), (int?)1), (counter.OfferId, counter.Proposer, counter.Addressees, counter.CounterTo));
    }

    [Fact]
    public void A_counter_from_a_signatory_not_addressed_leaves_the_original_open()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, Package((Donetsk, Recognised)), Parties(Russia)));

        var events = game.Accept(new CounterOffer(Ukraine, 1, Package((Donetsk, Returned)), Parties(Us, Russia)));

        Assert.IsType<OfferTabled>(Assert.Single(events));
        Assert.Equal(OfferStatus.Open, game.State.FindOffer(1)!.Status);
    }

    [Fact]
    public void Offers_expire_when_their_round_comes()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, FullDeal, Parties(Russia), ExpiresAfterRounds: 1));
        game.Accept(new TableOffer(Us, FullDeal, Parties(Eu)));

        var events = game.Accept(new AdvanceRound());

        Assert.Equal([new RoundAdvanced(2), new OfferExpired(1)], events);
        Assert.Equal(OfferStatus.Expired, game.State.FindOffer(1)!.Status);
        Assert.Equal(OfferStatus.Open, game.State.FindOffer(2)!.Status);
    }

    [Fact]
    public void The_deadline_ends_the_game_with_reservation_values_when_nothing_binds()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new AdvanceRound());
        game.Accept(new AdvanceRound());

        var ended = Assert.IsType<GameEnded>(Assert.Single(game.Accept(new AdvanceRound())));

        Assert.Equal(GameEndReason.Deadline, ended.Reason);
        Assert.Equal([40.0, 45.5, 30.0, 35.0], ended.Scores.ToArray());
        game.Refuse(new TableOffer(Us, FullDeal, Parties(Russia)), RuleViolationCode.GameAlreadyEnded);
        game.Refuse(new AdvanceRound(), RuleViolationCode.GameAlreadyEnded);
        game.Refuse(new EndGame(), RuleViolationCode.GameAlreadyEnded);
        game.Refuse(new StartNegotiation(), RuleViolationCode.GameAlreadyEnded);
    }

    [Fact]
    public void Scores_count_open_issues_at_their_no_deal_option_and_discount_by_the_round_of_the_last_binding()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new AdvanceRound());
        game.Accept(new TableOffer(Ukraine, Package((Donetsk, Frozen)), Parties(Russia)));
        game.Accept(new AcceptOffer(Russia, 1));

        var ended = Assert.IsType<GameEnded>(Assert.Single(game.Accept(new EndGame())));

        // Donetsk frozen (agreed in round 2), security at "none" and sanctions "kept" by default.
        // US: (20×100 + 50×40 + 30×30) / 100 = 49, discounted once by 0.9.
        Assert.Equal(GameEndReason.Instructor, ended.Reason);
        Assert.Equal([44.1, 62.0, 30.0, 55.0], ended.Scores.ToArray());
    }

    [Fact]
    public void Walking_away_withdraws_the_partys_offers_and_rejects_those_that_need_it()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Russia, Package((Donetsk, Recognised)), Parties(Us)));
        game.Accept(new TableOffer(Us, Package((Sanctions, Lifted)), Parties(Russia)));
        game.Accept(new TableOffer(Us, Package((Sanctions, Kept)), Parties(Eu)));

        var events = game.Accept(new WalkAway(Russia));

        Assert.Equal([new PartyWalkedAway(Russia), new OfferWithdrawn(1), new OfferRejected(2, Russia)], events);
        Assert.Equal(OfferStatus.Open, game.State.FindOffer(3)!.Status);
        game.Refuse(new TableOffer(Russia, FullDeal, Parties(Us)), RuleViolationCode.PartyHasWalkedAway);
        game.Refuse(new TableOffer(Us, FullDeal, Parties(Russia, Eu)), RuleViolationCode.PartyHasWalkedAway);
    }

    [Fact]
    public void The_game_ends_when_fewer_than_two_parties_remain()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new WalkAway(Russia));
        game.Accept(new WalkAway(Ukraine));

        var ended = Assert.IsType<GameEnded>(game.Accept(new WalkAway(Eu))[^1]);

        Assert.Equal(GameEndReason.Walkouts, ended.Reason);
    }

    [Fact]
    public void Refusals_name_the_parties_and_issues_in_words_a_student_understands()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, Package((Donetsk, Recognised)), Parties(Russia)));

        var violation = game.Refuse(new AcceptOffer(Eu, 1), RuleViolationCode.NotPartyToOffer);

        Assert.Equal("Offer #1 is not addressed to European Union, and European Union need not sign any of its issues.", violation.Message);
        Assert.Contains("Sanctions on Russia has no option number 5", game.Refuse(new TableOffer(Us, Package((Sanctions, 5)), Parties(Eu)), RuleViolationCode.UnknownOption).Message);
    }

    [Fact]
    public void Statements_are_public_and_private_messages_carry_their_channel_with_the_sender_in_it()
    {
        var game = GameDriver.Negotiating();

        Assert.Equal([new StatementMade(Eu, "Europe must sign.")], game.Accept(new MakeStatement(Eu, "Europe must sign.")));
        var sent = Assert.IsType<MessageSent>(Assert.Single(game.Accept(new SendMessage(Us, Parties(Russia), "Call me."))));

        Assert.Equal(Parties(Us, Russia), sent.Channel);
        game.Refuse(new SendMessage(Us, Parties(Us), "Alone."), RuleViolationCode.NoAddressees);
        game.Refuse(new MakeStatement(Us, new string('x', GameRules.MaxMessageLength + 1)), RuleViolationCode.InvalidMessage);
    }

    [Fact]
    public void Texts_may_break_lines_but_hold_no_other_control_characters_nor_direction_marks()
    {
        var game = GameDriver.Negotiating();

        game.Accept(new MakeStatement(Us, "First point.\nSecond point. 🇺🇦"));
        game.Refuse(new MakeStatement(Us, "Clear the screen \u001b[2J"), RuleViolationCode.InvalidMessage);
        game.Refuse(new MakeStatement(Us, "Null \0"), RuleViolationCode.InvalidMessage);
        game.Refuse(new MakeStatement(Us, "\u202Etxt.exe"), RuleViolationCode.InvalidMessage);
        game.Refuse(new MakeStatement(Us, "Half a pair \ud83c"), RuleViolationCode.InvalidMessage);
        game.Refuse(new SendMessage(Us, Parties(Russia), "Carriage\rreturn"), RuleViolationCode.InvalidMessage);
    }

    [Fact]
    public void An_offer_stays_open_for_one_round_up_to_the_games_rounds()
    {
        var game = GameDriver.Negotiating();
        var rounds = game.State.Scenario.Rounds;

        game.Refuse(new TableOffer(Us, Package((Donetsk, Frozen)), Parties(Russia), ExpiresAfterRounds: rounds + 1), RuleViolationCode.InvalidExpiry);
        game.Refuse(new TableOffer(Us, Package((Donetsk, Frozen)), Parties(Russia), ExpiresAfterRounds: int.MaxValue), RuleViolationCode.InvalidExpiry);
        game.Refuse(new TableOffer(Us, Package((Donetsk, Frozen)), Parties(Russia), ExpiresAfterRounds: int.MinValue), RuleViolationCode.InvalidExpiry);
        game.Accept(new TableOffer(Us, Package((Donetsk, Frozen)), Parties(Russia), ExpiresAfterRounds: rounds));
    }

    [Fact]
    public void A_needless_signature_is_refused_with_what_the_agreement_still_waits_for()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, Package((Donetsk, Recognised), (Sanctions, Lifted)), Parties(Russia)));
        game.Accept(new AcceptOffer(Russia, 1));

        var violation = game.Refuse(new SignAgreement(Us, 1), RuleViolationCode.SignatureNotNeeded);

        Assert.Equal(
            "United States has already signed agreement #1. Donetsk still needs the signature of Ukraine; Sanctions on Russia still needs the signature of European Union.",
            violation.Message);
    }
}
