using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Negotiation;

/// <summary>One refusal per error code: each is reachable, refused with its code, and changes nothing.</summary>
public sealed class RuleViolationCodeTests
{
    private static readonly Package Deal = Package((Donetsk, Frozen), (Sanctions, Kept));

    private static readonly Dictionary<RuleViolationCode, (Func<GameDriver> Setup, GameCommand Command)> Cases = new()
    {
        [RuleViolationCode.GameNotStarted] = (Lobby, new AcceptOffer(Us, 1)),
        [RuleViolationCode.GameAlreadyEnded] = (Ended, new WithdrawOffer(Us, 1)),
        [RuleViolationCode.WrongPhase] = (Negotiating, new StartBriefing()),
        [RuleViolationCode.UnknownParty] = (Negotiating, new TableOffer(9, Deal, Parties(Us))),
        [RuleViolationCode.PartyHasWalkedAway] = (RussiaWalkedAway, new AcceptOffer(Russia, 1)),
        [RuleViolationCode.EmptyPackage] = (Negotiating, new TableOffer(Us, Outcomes.Package.Empty, Parties(Russia))),
        [RuleViolationCode.UnknownIssue] = (Negotiating, new TableOffer(Us, Package((7, 0)), Parties(Russia))),
        [RuleViolationCode.UnknownOption] = (Negotiating, new TableOffer(Us, Package((Donetsk, 3)), Parties(Russia))),
        [RuleViolationCode.NoAddressees] = (Negotiating, new TableOffer(Us, Deal, PartySet.Empty)),
        [RuleViolationCode.AddressedToSelf] = (Negotiating, new TableOffer(Us, Deal, Parties(Us, Russia))),
        [RuleViolationCode.InvalidExpiry] = (Negotiating, new TableOffer(Us, Deal, Parties(Russia), ExpiresAfterRounds: 0)),
        [RuleViolationCode.OfferNotFound] = (Negotiating, new AcceptOffer(Russia, 1)),
        [RuleViolationCode.OfferNotOpen] = (Withdrawn, new AcceptOffer(Russia, 1)),
        [RuleViolationCode.CannotAnswerOwnOffer] = (UsOffered, new AcceptOffer(Us, 1)),
        [RuleViolationCode.NotPartyToOffer] = (UsOffered, new RejectOffer(Ukraine, 1)),
        [RuleViolationCode.AlreadyAccepted] = (UkraineAccepted, new AcceptOffer(Ukraine, 1)),
        [RuleViolationCode.NotProposer] = (UsOffered, new WithdrawOffer(Russia, 1)),
        [RuleViolationCode.AgreementNotFound] = (UsOffered, new SignAgreement(Ukraine, 1)),
        [RuleViolationCode.SignatureNotNeeded] = (ProvisionalAgreement, new SignAgreement(Us, 1)),
        [RuleViolationCode.GamePaused] = (Paused, new AcceptOffer(Russia, 1)),
        [RuleViolationCode.ClockAlreadyPaused] = (Paused, new PauseClock(Nine)),
        [RuleViolationCode.ClockNotPaused] = (Negotiating, new ResumeClock(Nine)),
        [RuleViolationCode.NoDeadline] = (Negotiating, new ExtendDeadline(TimeSpan.FromMinutes(1))),
        [RuleViolationCode.InvalidExtension] = (Negotiating, new ExtendDeadline(TimeSpan.FromMinutes(-1))),
        [RuleViolationCode.DeadlineNotReached] = (Negotiating, new ReachDeadline(Nine)),
        [RuleViolationCode.InvalidNews] = (Negotiating, new InjectNews("", "Empty headline.")),
        [RuleViolationCode.InvalidMessage] = (Negotiating, new SendMessage(Us, Parties(Russia), " ")),
        [RuleViolationCode.InvalidSchedule] = (Negotiating, new ScheduleNews(1, "Round 1 has begun", "Too late.")),
        [RuleViolationCode.ScheduledNewsNotFound] = (Negotiating, new CancelScheduledNews(2, "Never scheduled")),
    };

    private static readonly DateTimeOffset Nine = new(2025, 2, 12, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<RuleViolationCode> Codes() => [.. Cases.Keys];

    [Fact]
    public void Every_error_code_has_a_case()
    {
        Assert.Equal(Enum.GetValues<RuleViolationCode>().Order(), Cases.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_command_is_refused_with_its_code_a_message_and_no_change(RuleViolationCode code)
    {
        var (setup, command) = Cases[code];
        var game = setup();

        var violation = game.Refuse(command, code);

        Assert.False(string.IsNullOrWhiteSpace(violation.Message));
        Assert.EndsWith(".", violation.Message, StringComparison.Ordinal);
    }

    private static GameDriver Lobby() => new(MiniTalks());

    private static GameDriver Negotiating() => GameDriver.Negotiating();

    private static GameDriver Ended()
    {
        var game = UsOffered();
        game.Accept(new EndGame());
        return game;
    }

    private static GameDriver UsOffered()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new TableOffer(Us, Deal, Parties(Russia)));
        return game;
    }

    private static GameDriver Withdrawn()
    {
        var game = UsOffered();
        game.Accept(new WithdrawOffer(Us, 1));
        return game;
    }

    private static GameDriver UkraineAccepted()
    {
        var game = UsOffered();
        game.Accept(new AcceptOffer(Ukraine, 1));
        return game;
    }

    private static GameDriver ProvisionalAgreement()
    {
        var game = UsOffered();
        game.Accept(new AcceptOffer(Russia, 1));
        return game;
    }

    private static GameDriver Paused()
    {
        var game = UsOffered();
        game.Accept(new PauseClock(Nine));
        return game;
    }

    private static GameDriver RussiaWalkedAway()
    {
        var game = UsOffered();
        game.Accept(new WalkAway(Russia));
        return game;
    }
}
