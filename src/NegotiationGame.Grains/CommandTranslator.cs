using System.Collections.Immutable;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.EventLog;

namespace NegotiationGame.Grains;

/// <summary>
/// Turns a command in ids (the protocol's words) into the core's command in indices, or into a refusal naming the
/// id the scenario does not know. Who may act was checked before the grain was called; what the actor may do in the
/// game is the core's business.
/// </summary>
internal static class CommandTranslator
{
    public static (GameCommand? Command, string? ErrorCode, string? Message) Translate(Scenario scenario, GameCommandRequest request, DateTimeOffset now)
    {
        if (request.Body is StartBriefingBody or StartNegotiationBody or ProcessNowBody or EndGameBody or PauseClockBody or ResumeClockBody or ExtendDeadlineBody or InjectNewsBody or ScheduleNewsBody or CancelScheduledNewsBody)
        {
            if (request.Actor != Actors.Instructor)
            {
                return (null, ServiceErrorCodes.NotInstructor, "Only the instructor runs the clock and the phases of a game.");
            }

            return (request.Body switch
            {
                StartBriefingBody briefing => new StartBriefing(now, briefing.Untimed),
                StartNegotiationBody => new StartNegotiation(now),
                ProcessNowBody => new AdvanceRound(now),
                PauseClockBody => new PauseClock(now),
                ResumeClockBody => new ResumeClock(now),
                ExtendDeadlineBody extend => new ExtendDeadline(TimeSpan.FromSeconds(extend.Seconds), now),
                InjectNewsBody news => new InjectNews(news.Headline ?? string.Empty, news.Body ?? string.Empty),
                ScheduleNewsBody schedule => new ScheduleNews(schedule.Round, schedule.Headline ?? string.Empty, schedule.Body ?? string.Empty),
                CancelScheduledNewsBody cancel => new CancelScheduledNews(cancel.Round, cancel.Headline ?? string.Empty),
                _ => new EndGame(),
            }, null, null);
        }

        if (request.Body is ChangePlayerBody change)
        {
            return TranslateChangePlayer(scenario, request.Actor, change);
        }

        var party = scenario.PartyIndexOf(request.Actor);
        if (party < 0)
        {
            return (null, nameof(RuleViolationCode.UnknownParty), $"There is no party '{request.Actor}' in this scenario.");
        }

        try
        {
            GameCommand command = request.Body switch
            {
                TableOfferBody table => new TableOffer(party, ToPackage(scenario, table.Package), ToParties(scenario, table.Addressees), table.ExpiresAfterRounds),
                AcceptOfferBody accept => new AcceptOffer(party, accept.OfferId),
                RejectOfferBody reject => new RejectOffer(party, reject.OfferId),
                CounterOfferBody counter => new CounterOffer(
                    party,
                    counter.OfferId,
                    ToPackage(scenario, counter.Package),
                    counter.Addressees is { } addressees ? ToParties(scenario, addressees) : null,
                    counter.ExpiresAfterRounds),
                WithdrawOfferBody withdraw => new WithdrawOffer(party, withdraw.OfferId),
                SignAgreementBody sign => new SignAgreement(party, sign.AgreementId),
                WalkAwayBody => new WalkAway(party),
                MakeStatementBody statement => new MakeStatement(party, statement.Text ?? string.Empty),
                SendMessageBody message => new SendMessage(party, ToParties(scenario, message.Channel), message.Text ?? string.Empty),
                _ => throw new UnknownIdException(ServiceErrorCodes.UnknownCommand, $"Unknown command {request.Body.GetType().Name}."),
            };
            return (command, null, null);
        }
        catch (UnknownIdException unknown)
        {
            return (null, unknown.Code, unknown.Message);
        }
    }

    private static (GameCommand? Command, string? ErrorCode, string? Message) TranslateChangePlayer(Scenario scenario, string actor, ChangePlayerBody change)
    {
        if (actor != Actors.Instructor)
        {
            return (null, ServiceErrorCodes.NotInstructor, "Only the instructor decides who plays a party.");
        }

        var party = scenario.PartyIndexOf(change.PartyId ?? string.Empty);
        if (party < 0)
        {
            return (null, nameof(RuleViolationCode.UnknownParty), $"There is no party '{change.PartyId}' in this scenario.");
        }

        if (change.Bot is null)
        {
            return (new ChangePlayer(party, null), null, null);
        }

        return BotStrategyNames.TryParse(change.Bot, out var strategy)
            ? (new ChangePlayer(party, strategy), null, null)
            : (null, ServiceErrorCodes.UnknownCommand, $"There is no bot strategy '{change.Bot}' (boulware, conceder, linear, tit-for-tat).");
    }

    private static Package ToPackage(Scenario scenario, ImmutableDictionary<string, string> choices)
    {
        var package = Package.Empty;
        foreach (var (issueId, optionId) in choices)
        {
            var issue = scenario.IssueIndexOf(issueId);
            var option = issue < 0 ? -1 : OptionIndexOf(scenario.Issues[issue], optionId);
            if (option < 0)
            {
                throw FirstUnknownId(scenario, choices);
            }

            package = package.With(issue, option);
        }

        return package;
    }

    private static int OptionIndexOf(Issue issue, string optionId)
    {
        foreach (var option in issue.Options)
        {
            if (option.Id == optionId)
            {
                return option.Index;
            }
        }

        return -1;
    }

    /// <summary>The refusal names the first unknown id in ordinal order, so the same package always gets the same answer.</summary>
    private static UnknownIdException FirstUnknownId(Scenario scenario, ImmutableDictionary<string, string> choices)
    {
        foreach (var (issueId, optionId) in choices.OrderBy(choice => choice.Key, StringComparer.Ordinal))
        {
            var issue = scenario.IssueIndexOf(issueId);
            if (issue < 0)
            {
                return new UnknownIdException(nameof(RuleViolationCode.UnknownIssue), $"There is no issue '{issueId}' in this scenario.");
            }

            if (OptionIndexOf(scenario.Issues[issue], optionId) < 0)
            {
                return new UnknownIdException(nameof(RuleViolationCode.UnknownOption), $"{scenario.Issues[issue].Name} has no option '{optionId}'.");
            }
        }

        throw new InvalidOperationException("Every id of the package is known.");
    }

    private static PartySet ToParties(Scenario scenario, ImmutableArray<string> ids)
    {
        var parties = PartySet.Empty;
        foreach (var id in ids.IsDefault ? [] : ids)
        {
            var party = scenario.PartyIndexOf(id);
            parties = party >= 0 ? parties.With(party) : throw new UnknownIdException(nameof(RuleViolationCode.UnknownParty), $"There is no party '{id}' in this scenario.");
        }

        return parties;
    }

    private sealed class UnknownIdException(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }
}
