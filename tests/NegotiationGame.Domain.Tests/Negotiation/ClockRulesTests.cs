using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Negotiation;

public sealed class ClockRulesTests
{
    private static readonly DateTimeOffset Nine = new(2025, 2, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly GameTiming Timed = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15));

    [Fact]
    public void Each_timed_phase_starts_with_its_deadline()
    {
        var game = new GameDriver(GameState.Start(MiniTalks(), Timed));

        Assert.Equal([new BriefingStarted(), new DeadlineSet(Nine.AddMinutes(10))], game.Accept(new StartBriefing(Nine)));
        Assert.Equal([new NegotiationStarted(), new DeadlineSet(Nine.AddMinutes(25))], game.Accept(new StartNegotiation(Nine.AddMinutes(10))));
        Assert.Equal(Nine.AddMinutes(25), game.State.Clock.Deadline);
    }

    [Fact]
    public void An_untimed_game_has_no_deadline()
    {
        var game = GameDriver.Negotiating();

        game.Accept(new AdvanceRound(Nine));

        Assert.Null(game.State.Clock.Deadline);
        game.Refuse(new ExtendDeadline(TimeSpan.FromMinutes(5)), RuleViolationCode.NoDeadline);
    }

    [Fact]
    public void A_deadline_moves_the_game_on_only_once_it_has_come()
    {
        var game = TimedNegotiation();

        game.Refuse(new ReachDeadline(Nine.AddMinutes(14)), RuleViolationCode.DeadlineNotReached);
        var events = game.Accept(new ReachDeadline(Nine.AddMinutes(15)));

        Assert.Equal([new DeadlinePassed(), new RoundAdvanced(2), new DeadlineSet(Nine.AddMinutes(30))], events);
        game.Refuse(new ReachDeadline(Nine.AddMinutes(15)), RuleViolationCode.DeadlineNotReached);
    }

    [Fact]
    public void The_briefing_deadline_opens_round_one()
    {
        var game = new GameDriver(GameState.Start(MiniTalks(), Timed));
        game.Accept(new StartBriefing(Nine));

        game.Accept(new ReachDeadline(Nine.AddMinutes(10)));

        Assert.Equal((GamePhase.Negotiation, 1), (game.State.Phase, game.State.Round));
    }

    [Fact]
    public void The_last_deadline_ends_the_game()
    {
        var game = TimedNegotiation();
        game.Accept(new AdvanceRound(Nine));
        game.Accept(new AdvanceRound(Nine));

        game.Accept(new ReachDeadline(Nine.AddMinutes(15)));

        Assert.Equal((GamePhase.Ended, GameEndReason.Deadline), (game.State.Phase, game.State.EndReason));
    }

    [Fact]
    public void Pausing_keeps_what_was_left_stops_the_parties_and_resuming_restarts_from_there()
    {
        var game = TimedNegotiation();

        Assert.Equal([new ClockPaused(TimeSpan.FromMinutes(11))], game.Accept(new PauseClock(Nine.AddMinutes(4))));
        game.Refuse(new TableOffer(Us, Package((Donetsk, Frozen)), Parties(Russia)), RuleViolationCode.GamePaused);
        game.Refuse(new ReachDeadline(Nine.AddMinutes(20)), RuleViolationCode.DeadlineNotReached);
        game.Refuse(new PauseClock(Nine.AddMinutes(5)), RuleViolationCode.ClockAlreadyPaused);

        game.Accept(new ExtendDeadline(TimeSpan.FromMinutes(5)));
        Assert.Equal([new ClockResumed(Nine.AddMinutes(46))], game.Accept(new ResumeClock(Nine.AddMinutes(30))));
        game.Refuse(new ResumeClock(Nine.AddMinutes(31)), RuleViolationCode.ClockNotPaused);
        game.Accept(new TableOffer(Us, Package((Donetsk, Frozen)), Parties(Russia)));
    }

    [Fact]
    public void Extending_a_running_deadline_moves_it()
    {
        var game = TimedNegotiation();

        game.Accept(new ExtendDeadline(TimeSpan.FromMinutes(5)));

        Assert.Equal(Nine.AddMinutes(20), game.State.Clock.Deadline);
        game.Refuse(new ExtendDeadline(TimeSpan.Zero), RuleViolationCode.InvalidExtension);
    }

    [Fact]
    public void News_is_kept_with_the_round_it_arrived_in()
    {
        var game = TimedNegotiation();

        game.Accept(new InjectNews("Ceasefire violated", "Shelling reported near Zaporizhzhia overnight."));

        Assert.Equal(new NewsItem(1, "Ceasefire violated", "Shelling reported near Zaporizhzhia overnight."), Assert.Single(game.State.News));
        game.Refuse(new InjectNews(" ", "Nothing."), RuleViolationCode.InvalidNews);
    }

    private static GameDriver TimedNegotiation()
    {
        var game = new GameDriver(GameState.Start(MiniTalks(), Timed));
        game.Accept(new StartNegotiation(Nine));
        return game;
    }
}
