using System.Collections.Immutable;
using NegotiationGame.Domain.Evaluation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// The negotiation rules as two pure functions: <see cref="Decide"/> turns a command into events or a refusal and
/// never changes the state; <see cref="Apply"/> folds one event into the state and never refuses.
/// </summary>
public static class GameRules
{
    /// <summary>Longest statement or private message, in characters.</summary>
    public const int MaxMessageLength = 2_000;

    public static Decision Decide(GameState state, GameCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            StartBriefing start => DecideStartBriefing(state, start.At, start.Untimed),
            StartNegotiation start => DecideStartNegotiation(state, start.At),
            AdvanceRound advance => DecideAdvanceRound(state, advance.At),
            EndGame => DecideEndGame(state),
            PauseClock pause => ClockRules.DecidePause(state, pause.At),
            ResumeClock resume => ClockRules.DecideResume(state, resume.At),
            ExtendDeadline extend => ClockRules.DecideExtend(state, extend.By, extend.At),
            InjectNews news => ClockRules.DecideNews(state, news.Headline, news.Body),
            ScheduleNews schedule => ScheduledNewsRules.DecideSchedule(state, schedule.Round, schedule.Headline, schedule.Body),
            CancelScheduledNews cancel => ScheduledNewsRules.DecideCancel(state, cancel.Round, cancel.Headline),
            ReachDeadline reached => DecideReachDeadline(state, reached.At),
            ChangePlayer change => DecideChangePlayer(state, change),
            PartyCommand partyCommand => DecidePartyCommand(state, partyCommand),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command."),
        };
    }

    public static GameState Apply(GameState state, GameEvent gameEvent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(gameEvent);
        return gameEvent switch
        {
            BriefingStarted => state with { Phase = GamePhase.Briefing, Clock = GameClock.Stopped },
            NegotiationStarted => state with
            {
                Phase = GamePhase.Negotiation, Round = 1, Clock = GameClock.Stopped, ScheduledNews = ScheduledNewsRules.WaitingAfter(state.ScheduledNews, 1),
            },
            RoundAdvanced advanced => state with
            {
                Round = advanced.Round, Clock = GameClock.Stopped, ScheduledNews = ScheduledNewsRules.WaitingAfter(state.ScheduledNews, advanced.Round),
            },
            NewsScheduled or ScheduledNewsCancelled => ScheduledNewsRules.Apply(state, gameEvent),
            DeadlineSet or ClockPaused or ClockResumed or DeadlineExtended or DeadlinePassed or NewsInjected => ClockRules.Apply(state, gameEvent),
            OfferTabled tabled => state with
            {
                Offers = state.Offers.Add(new Offer(
                    tabled.OfferId,
                    tabled.Proposer,
                    tabled.Package,
                    tabled.Addressees,
                    state.Round,
                    tabled.ExpiresAtRound,
                    tabled.CounterTo,
                    OfferStatus.Open,
                    PartySet.Of(tabled.Proposer))),
            },
            OfferAccepted accepted => UpdateOffer(state, accepted.OfferId, offer => offer with { Accepted = offer.Accepted.With(accepted.Party) }),
            OfferRejected rejected => UpdateOffer(state, rejected.OfferId, offer => offer with { Status = OfferStatus.Rejected }),
            OfferWithdrawn withdrawn => UpdateOffer(state, withdrawn.OfferId, offer => offer with { Status = OfferStatus.Withdrawn }),
            OfferExpired expired => UpdateOffer(state, expired.OfferId, offer => offer with { Status = OfferStatus.Expired }),
            AgreementConcluded concluded => ApplyAgreementConcluded(state, concluded),
            AgreementSigned signed => ApplyAgreementSigned(state, signed),
            PartyWalkedAway walkedAway => state with { WalkedAway = state.WalkedAway.With(walkedAway.Party) },
            // Who plays a party is the host's business (it drives the bots); the negotiation's state does not change.
            StatementMade or MessageSent or PlayerChanged => state,
            GameEnded ended => state with { Phase = GamePhase.Ended, EndReason = ended.Reason, FinalScores = ended.Scores, Clock = GameClock.Stopped },
            _ => throw new ArgumentOutOfRangeException(nameof(gameEvent), gameEvent.GetType().Name, "Unknown event."),
        };
    }

    public static GameState ApplyAll(GameState state, IEnumerable<GameEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var gameEvent in events)
        {
            state = Apply(state, gameEvent);
        }

        return state;
    }

    private static Decision DecideStartBriefing(GameState state, DateTimeOffset? at, bool untimed) => state.Phase == GamePhase.Lobby
        ? Decision.Accept(ClockRules.WithDeadline([new BriefingStarted()], at, untimed ? TimeSpan.Zero : state.Timing.Briefing))
        : WrongPhase(state, "The briefing can only start from the lobby.");

    private static Decision DecideStartNegotiation(GameState state, DateTimeOffset? at) => state.Phase is GamePhase.Lobby or GamePhase.Briefing
        ? Decision.Accept(ClockRules.WithDeadline([new NegotiationStarted(), .. ScheduledNewsRules.ReleasedAt(state, 1)], at, state.Timing.Round))
        : WrongPhase(state, "The negotiation has already started.");

    private static Decision DecideAdvanceRound(GameState state, DateTimeOffset? at)
    {
        if (RequireNegotiation(state) is { } refusal)
        {
            return refusal;
        }

        if (state.Round >= state.Scenario.Rounds)
        {
            return Decision.Accept([EndedNow(state, GameEndReason.Deadline)]);
        }

        var nextRound = state.Round + 1;
        var events = ImmutableArray.CreateBuilder<GameEvent>();
        events.Add(new RoundAdvanced(nextRound));
        foreach (var offer in state.Offers)
        {
            if (offer.Status == OfferStatus.Open && offer.ExpiresAtRound <= nextRound)
            {
                events.Add(new OfferExpired(offer.Id));
            }
        }

        events.AddRange(ScheduledNewsRules.ReleasedAt(state, nextRound));

        return Decision.Accept(ClockRules.WithDeadline(events.ToImmutable(), at, state.Timing.Round));
    }

    /// <summary>The deadline of the briefing or of a round has come: the game moves on exactly as on "process now".</summary>
    private static Decision DecideReachDeadline(GameState state, DateTimeOffset at)
    {
        if (!ClockRules.IsDue(state, at))
        {
            return Decision.Reject(RuleViolationCode.DeadlineNotReached, "No deadline of this game has come.");
        }

        var next = state.Phase == GamePhase.Briefing ? DecideStartNegotiation(state, at) : DecideAdvanceRound(state, at);
        return Decision.Accept([new DeadlinePassed(), .. next.Events]);
    }

    private static Decision DecideEndGame(GameState state) => state.Phase == GamePhase.Ended
        ? Decision.Reject(RuleViolationCode.GameAlreadyEnded, "The game has already ended.")
        : Decision.Accept([EndedNow(state, GameEndReason.Instructor)]);

    private static Decision DecideChangePlayer(GameState state, ChangePlayer change)
    {
        if (state.Phase == GamePhase.Ended)
        {
            return Decision.Reject(RuleViolationCode.GameAlreadyEnded, "The game has ended; nobody plays it any more.");
        }

        return change.Party < 0 || change.Party >= state.Scenario.Parties.Length
            ? Decision.Reject(RuleViolationCode.UnknownParty, $"There is no party {change.Party} in this game.")
            : Decision.Accept([new PlayerChanged(change.Party, change.Bot)]);
    }

    private static Decision DecidePartyCommand(GameState state, PartyCommand command)
    {
        if (RequireNegotiation(state) is { } phaseRefusal)
        {
            return phaseRefusal;
        }

        var party = command.Party;
        if (party < 0 || party >= state.Scenario.Parties.Length)
        {
            return Decision.Reject(RuleViolationCode.UnknownParty, $"There is no party number {party} in this scenario.");
        }

        if (state.WalkedAway.Contains(party))
        {
            return Decision.Reject(RuleViolationCode.PartyHasWalkedAway, $"{Name(state, party)} has walked away from the table and can no longer act.");
        }

        if (state.Clock.Paused)
        {
            return Decision.Reject(RuleViolationCode.GamePaused, "The instructor has paused the game; wait for the clock to resume.");
        }

        return command switch
        {
            TableOffer table => DecideTableOffer(state, party, table.Package, table.Addressees, table.ExpiresAfterRounds, counterTo: null),
            AcceptOffer accept => DecideAcceptOffer(state, party, accept.OfferId),
            RejectOffer reject => DecideRejectOffer(state, party, reject.OfferId),
            CounterOffer counter => DecideCounterOffer(state, party, counter),
            WithdrawOffer withdraw => DecideWithdrawOffer(state, party, withdraw.OfferId),
            SignAgreement sign => DecideSignAgreement(state, party, sign.AgreementId),
            WalkAway => DecideWalkAway(state, party),
            MakeStatement statement => DecideStatement(state, party, statement.Text),
            SendMessage message => DecideMessage(state, party, message.Channel, message.Text),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command."),
        };
    }

    private static Decision DecideTableOffer(
        GameState state,
        int party,
        Package package,
        PartySet addressees,
        int? expiresAfterRounds,
        int? counterTo)
    {
        if (CheckPackage(state, package) is { } packageRefusal)
        {
            return packageRefusal;
        }

        var parties = state.Scenario.Parties.Length;
        if (addressees.IsEmpty)
        {
            return Decision.Reject(RuleViolationCode.NoAddressees, "Address the offer to at least one other party.");
        }

        if (!PartySet.All(parties).IsSupersetOf(addressees))
        {
            return Decision.Reject(RuleViolationCode.UnknownParty, $"The offer is addressed to a party that is not in this scenario (it has {parties}).");
        }

        if (addressees.Contains(party))
        {
            return Decision.Reject(RuleViolationCode.AddressedToSelf, $"{Name(state, party)} cannot address an offer to itself.");
        }

        var gone = addressees.Intersect(state.WalkedAway);
        if (!gone.IsEmpty)
        {
            return Decision.Reject(RuleViolationCode.PartyHasWalkedAway, $"{Names(state, gone)} walked away and cannot receive offers.");
        }

        if (expiresAfterRounds is { } rounds && (rounds < 1 || rounds > state.Scenario.Rounds))
        {
            return Decision.Reject(RuleViolationCode.InvalidExpiry, $"An offer stays open for 1 to {state.Scenario.Rounds} rounds (the game's rounds), or until answered.");
        }

        var tabled = new OfferTabled(
            state.Offers.Count + 1,
            party,
            package,
            addressees,
            state.Round + expiresAfterRounds,
            counterTo);
        return Decision.Accept([tabled]);
    }

    private static Decision DecideAcceptOffer(GameState state, int party, int offerId)
    {
        if (FindOpenOffer(state, offerId, out var offer) is { } refusal)
        {
            return refusal;
        }

        if (offer.Proposer == party)
        {
            return Decision.Reject(RuleViolationCode.CannotAnswerOwnOffer, $"Offer #{offerId} is {Name(state, party)}'s own offer.");
        }

        if (offer.Accepted.Contains(party))
        {
            return Decision.Reject(RuleViolationCode.AlreadyAccepted, $"{Name(state, party)} has already accepted offer #{offerId}.");
        }

        if (!ConsentRules.MayAccept(state, offer).Contains(party))
        {
            return NotPartyTo(state, party, offer);
        }

        var accepted = new OfferAccepted(offerId, party);
        var signatories = offer.Accepted.With(party);
        if (!signatories.IsSupersetOf(ConsentRules.NeededToConclude(state, offer)))
        {
            return Decision.Accept([accepted]);
        }

        var binding = ConsentRules.BindingIssues(state, offer.Package, signatories);
        GameEvent concluded = new AgreementConcluded(offerId, signatories, binding);
        return Decision.Accept(WithEndIfComplete(state, [accepted, concluded]));
    }

    private static Decision DecideRejectOffer(GameState state, int party, int offerId)
    {
        if (FindOpenOffer(state, offerId, out var offer) is { } refusal)
        {
            return refusal;
        }

        if (offer.Proposer == party)
        {
            return Decision.Reject(RuleViolationCode.CannotAnswerOwnOffer, $"Offer #{offerId} is {Name(state, party)}'s own offer: withdraw it instead.");
        }

        if (!ConsentRules.NeededToConclude(state, offer).Contains(party))
        {
            return Decision.Reject(
                RuleViolationCode.NotPartyToOffer,
                ConsentRules.MayAccept(state, offer).Contains(party)
                    ? $"Offer #{offerId} is not addressed to {Name(state, party)}, so it cannot reject it; it can decline to sign the agreement it may become."
                    : $"Offer #{offerId} is not addressed to {Name(state, party)}.");
        }

        return Decision.Accept([new OfferRejected(offerId, party)]);
    }

    private static Decision DecideCounterOffer(GameState state, int party, CounterOffer counter)
    {
        if (FindOpenOffer(state, counter.OfferId, out var original) is { } refusal)
        {
            return refusal;
        }

        if (original.Proposer == party)
        {
            return Decision.Reject(RuleViolationCode.CannotAnswerOwnOffer, $"Offer #{counter.OfferId} is {Name(state, party)}'s own offer: table a new one instead.");
        }

        if (!ConsentRules.MayAccept(state, original).Contains(party))
        {
            return NotPartyTo(state, party, original);
        }

        var addressees = counter.Addressees ?? original.Addressees.With(original.Proposer).Except(PartySet.Of(party)).Except(state.WalkedAway);
        var tabling = DecideTableOffer(state, party, counter.Package, addressees, counter.ExpiresAfterRounds, counter.OfferId);
        if (!tabling.IsAccepted || !ConsentRules.NeededToConclude(state, original).Contains(party))
        {
            return tabling;
        }

        return Decision.Accept([new OfferRejected(original.Id, party), .. tabling.Events]);
    }

    private static Decision DecideWithdrawOffer(GameState state, int party, int offerId)
    {
        if (FindOpenOffer(state, offerId, out var offer) is { } refusal)
        {
            return refusal;
        }

        return offer.Proposer == party
            ? Decision.Accept([new OfferWithdrawn(offerId)])
            : Decision.Reject(RuleViolationCode.NotProposer, $"Only {Name(state, offer.Proposer)}, who tabled offer #{offerId}, can withdraw it.");
    }

    private static Decision DecideSignAgreement(GameState state, int party, int agreementId)
    {
        var agreement = state.FindOffer(agreementId);
        if (agreement is not { Status: OfferStatus.Agreed })
        {
            return Decision.Reject(RuleViolationCode.AgreementNotFound, $"There is no agreement #{agreementId}.");
        }

        var newlyBinding = 0;
        var awaitsThisParty = false;
        for (var issue = 0; issue < state.Settlements.Length; issue++)
        {
            if (state.Settlements[issue] is not { IsBinding: false } settlement || settlement.AgreementId != agreementId)
            {
                continue;
            }

            var required = state.Scenario.Issues[issue].RequiredSignatories(settlement.Option);
            if (!required.Contains(party) || settlement.Signatories.Contains(party))
            {
                continue;
            }

            awaitsThisParty = true;
            if (settlement.Signatories.With(party).IsSupersetOf(required))
            {
                newlyBinding |= 1 << issue;
            }
        }

        if (!awaitsThisParty)
        {
            return Decision.Reject(
                RuleViolationCode.SignatureNotNeeded,
                agreement.Accepted.Contains(party)
                    ? $"{Name(state, party)} has already signed agreement #{agreementId}.{Waiting(state, agreementId)}"
                    : $"No issue of agreement #{agreementId} waits for {Name(state, party)}'s signature.{Waiting(state, agreementId)}");
        }

        GameEvent signed = new AgreementSigned(agreementId, party, (ushort)newlyBinding);
        return Decision.Accept(WithEndIfComplete(state, [signed]));
    }

    private static Decision DecideWalkAway(GameState state, int party)
    {
        var events = ImmutableArray.CreateBuilder<GameEvent>();
        events.Add(new PartyWalkedAway(party));
        foreach (var offer in state.Offers)
        {
            if (offer.Status != OfferStatus.Open)
            {
                continue;
            }

            if (offer.Proposer == party)
            {
                events.Add(new OfferWithdrawn(offer.Id));
            }
            else if (ConsentRules.NeededToConclude(state, offer).Contains(party))
            {
                events.Add(new OfferRejected(offer.Id, party));
            }
        }

        var remaining = state.Scenario.Parties.Length - state.WalkedAway.With(party).Count;
        if (remaining < 2)
        {
            var after = ApplyAll(state, events);
            events.Add(EndedNow(after, GameEndReason.Walkouts));
        }

        return Decision.Accept(events.ToImmutable());
    }

    private static Decision DecideStatement(GameState state, int party, string text) =>
        IsValidMessage(text)
            ? Decision.Accept([new StatementMade(party, text)])
            : Decision.Reject(RuleViolationCode.InvalidMessage, $"A statement must be 1 to {MaxMessageLength} characters of plain text (line breaks allowed, no other control characters).");

    private static Decision DecideMessage(GameState state, int party, PartySet channel, string text)
    {
        if (!IsValidMessage(text))
        {
            return Decision.Reject(RuleViolationCode.InvalidMessage, $"A message must be 1 to {MaxMessageLength} characters of plain text (line breaks allowed, no other control characters).");
        }

        if (!PartySet.All(state.Scenario.Parties.Length).IsSupersetOf(channel))
        {
            return Decision.Reject(RuleViolationCode.UnknownParty, "The channel names a party that is not in this scenario.");
        }

        var others = channel.Except(PartySet.Of(party));
        if (others.IsEmpty)
        {
            return Decision.Reject(RuleViolationCode.NoAddressees, "A private channel needs at least one other party.");
        }

        var gone = others.Intersect(state.WalkedAway);
        return gone.IsEmpty
            ? Decision.Accept([new MessageSent(party, channel.With(party), text)])
            : Decision.Reject(RuleViolationCode.PartyHasWalkedAway, $"{Names(state, gone)} walked away and cannot receive messages.");
    }

    private static bool IsValidMessage(string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= MaxMessageLength && PlainText.IsMultiLine(text);

    /// <summary>Appends the end of the game when, after <paramref name="events"/>, every issue binds.</summary>
    private static ImmutableArray<GameEvent> WithEndIfComplete(GameState state, ImmutableArray<GameEvent> events)
    {
        var after = ApplyAll(state, events);
        return after.Settlements.All(settlement => settlement is { IsBinding: true })
            ? [.. events, EndedNow(after, GameEndReason.AllIssuesBound)]
            : events;
    }

    private static GameEnded EndedNow(GameState state, GameEndReason reason) => new(reason, Scoring.FinalScores(state));

    private static GameState ApplyAgreementConcluded(GameState state, AgreementConcluded concluded)
    {
        var offer = state.FindOffer(concluded.AgreementId)!;
        var settlements = state.Settlements.ToBuilder();
        foreach (var issue in offer.Package.Issues())
        {
            var option = offer.Package.OptionOf(issue);
            var signatories = ConsentRules.SignatoriesOf(state, issue, option, concluded.Signatories);
            if (settlements[issue] is { IsBinding: true } binding && binding.Option == option)
            {
                // Re-agreeing what already binds adds signatures; it must not reopen the issue.
                settlements[issue] = binding with { Signatories = signatories };
                continue;
            }

            var binds = (concluded.BindingIssueMask & (1 << issue)) != 0;
            settlements[issue] = new IssueAgreement(concluded.AgreementId, option, signatories, binds ? state.Round : null);
        }

        return UpdateOffer(state, concluded.AgreementId, o => o with { Status = OfferStatus.Agreed, Accepted = concluded.Signatories })
            with { Settlements = settlements.MoveToImmutable() };
    }

    private static GameState ApplyAgreementSigned(GameState state, AgreementSigned signed)
    {
        var settlements = state.Settlements.ToBuilder();
        for (var issue = 0; issue < settlements.Count; issue++)
        {
            if (settlements[issue] is { } settlement && settlement.AgreementId == signed.AgreementId)
            {
                var binds = (signed.NewlyBindingIssueMask & (1 << issue)) != 0;
                settlements[issue] = settlement with
                {
                    Signatories = settlement.Signatories.With(signed.Party),
                    BoundInRound = binds ? state.Round : settlement.BoundInRound,
                };
            }
        }

        return UpdateOffer(state, signed.AgreementId, offer => offer with { Accepted = offer.Accepted.With(signed.Party) })
            with { Settlements = settlements.MoveToImmutable() };
    }

    private static GameState UpdateOffer(GameState state, int offerId, Func<Offer, Offer> update) =>
        state with { Offers = state.Offers.SetItem(offerId - 1, update(state.Offers[offerId - 1])) };

    private static Decision? RequireNegotiation(GameState state) => state.Phase switch
    {
        GamePhase.Negotiation => null,
        GamePhase.Ended => Decision.Reject(RuleViolationCode.GameAlreadyEnded, "The game has ended; nothing more can be done in it."),
        _ => Decision.Reject(RuleViolationCode.GameNotStarted, "The negotiation has not started yet."),
    };

    private static Decision WrongPhase(GameState state, string message) => state.Phase == GamePhase.Ended
        ? Decision.Reject(RuleViolationCode.GameAlreadyEnded, "The game has ended.")
        : Decision.Reject(RuleViolationCode.WrongPhase, message);

    private static Decision? CheckPackage(GameState state, Package package)
    {
        var evaluation = OfferEvaluator.Validate(state.Scenario, package);
        var issues = state.Scenario.Issues;
        return evaluation.Problem switch
        {
            PackageProblem.None => null,
            PackageProblem.Empty => Decision.Reject(RuleViolationCode.EmptyPackage, "An offer must settle at least one issue."),
            PackageProblem.UnknownIssue => Decision.Reject(RuleViolationCode.UnknownIssue, $"The offer names an issue this scenario does not have (it has {issues.Length})."),
            _ => Decision.Reject(
                RuleViolationCode.UnknownOption,
                $"{issues[evaluation.ProblemIssue].Name} has no option number {package.OptionOf(evaluation.ProblemIssue)} (it has {issues[evaluation.ProblemIssue].Options.Length})."),
        };
    }

    private static Decision? FindOpenOffer(GameState state, int offerId, out Offer offer)
    {
        offer = state.FindOffer(offerId)!;
        if (offer is null)
        {
            return Decision.Reject(RuleViolationCode.OfferNotFound, $"There is no offer #{offerId}.");
        }

        return offer.Status == OfferStatus.Open
            ? null
            : Decision.Reject(RuleViolationCode.OfferNotOpen, $"Offer #{offerId} is no longer open: it was {offer.Status.ToString().ToLowerInvariant()}.");
    }

    private static Decision NotPartyTo(GameState state, int party, Offer offer) => Decision.Reject(
        RuleViolationCode.NotPartyToOffer,
        $"Offer #{offer.Id} is not addressed to {Name(state, party)}, and {Name(state, party)} need not sign any of its issues.");

    /// <summary>" Donetsk still needs Ukraine's signature." for every provisional issue of the agreement.</summary>
    private static string Waiting(GameState state, int agreementId)
    {
        var waiting = new List<string>();
        for (var issue = 0; issue < state.Settlements.Length; issue++)
        {
            if (state.Settlements[issue] is { IsBinding: false } settlement && settlement.AgreementId == agreementId)
            {
                var missing = state.Scenario.Issues[issue].RequiredSignatories(settlement.Option).Except(settlement.Signatories);
                waiting.Add($"{state.Scenario.Issues[issue].Name} still needs the signature of {Names(state, missing)}");
            }
        }

        return waiting.Count == 0 ? string.Empty : $" {string.Join("; ", waiting)}.";
    }

    private static string Name(GameState state, int party) => state.Scenario.Parties[party].Name;

    private static string Names(GameState state, PartySet parties) =>
        string.Join(" and ", parties.Indices().Select(party => Name(state, party)));
}
