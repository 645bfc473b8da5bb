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
    public void An_untimed_briefing_has_no_deadline_and_ends_only_when_the_instructor_opens_round_one()
    {
        var game = new GameDriver(GameState.Start(MiniTalks(), Timed));

        Assert.Equal([new BriefingStarted()], game.Accept(new StartBriefing(Nine, Untimed: true)));
        Assert.Null(ClockRules.NextWake(game.State, Nine.AddDays(2)));
        game.Refuse(new ReachDeadline(Nine.AddDays(2)), RuleViolationCode.DeadlineNotReached);
        game.Refuse(new ExtendDeadline(TimeSpan.FromMinutes(5), Nine), RuleViolationCode.NoDeadline);

        game.Accept(new PauseClock(Nine.AddMinutes(1)));
        game.Accept(new ResumeClock(Nine.AddMinutes(2)));
        Assert.Equal(GamePhase.Briefing, game.State.Phase);
        Assert.Null(game.State.Clock.Deadline);

        // Round 1 keeps the game's round length: only the briefing was untimed.
        Assert.Equal([new NegotiationStarted(), new DeadlineSet(Nine.AddMinutes(40))], game.Accept(new StartNegotiation(Nine.AddMinutes(25))));
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
    public void An_extension_adds_one_second_to_a_day_and_leaves_at_most_a_week()
    {
        var game = TimedNegotiation();

        game.Refuse(new ExtendDeadline(ClockRules.MaxExtension + TimeSpan.FromSeconds(1), Nine), RuleViolationCode.InvalidExtension);
        game.Refuse(new ExtendDeadline(TimeSpan.FromSeconds(int.MaxValue), Nine), RuleViolationCode.InvalidExtension);
        for (var day = 0; day < 6; day++)
        {
            game.Accept(new ExtendDeadline(ClockRules.MaxExtension, Nine));
        }

        // Fifteen minutes and six days are left; a seventh day would pass the week.
        game.Refuse(new ExtendDeadline(ClockRules.MaxExtension, Nine), RuleViolationCode.InvalidExtension);
        game.Accept(new ExtendDeadline(TimeSpan.FromHours(23), Nine));
        game.Accept(new PauseClock(Nine));
        game.Refuse(new ExtendDeadline(TimeSpan.FromHours(1), Nine), RuleViolationCode.InvalidExtension);
        Assert.Equal(TimeSpan.FromDays(6) + TimeSpan.FromHours(23) + TimeSpan.FromMinutes(15), game.State.Clock.RemainingWhenPaused);
    }

    [Fact]
    public void Folding_durations_no_rule_allows_today_stops_at_the_end_of_time_instead_of_throwing()
    {
        var state = TimedNegotiation().State;

        for (var i = 0; i < 120; i++)
        {
            state = GameRules.Apply(state, new DeadlineExtended(TimeSpan.FromSeconds(int.MaxValue)));
        }

        Assert.Equal(DateTimeOffset.MaxValue, state.Clock.Deadline);
        var paused = GameRules.Apply(GameRules.Apply(state, new ClockPaused(TimeSpan.MaxValue)), new DeadlineExtended(TimeSpan.MaxValue));
        Assert.Equal(TimeSpan.MaxValue, paused.Clock.RemainingWhenPaused);
        var resumed = GameRules.ApplyAll(paused, GameRules.Decide(paused, new ResumeClock(Nine)).Events);
        Assert.Equal(DateTimeOffset.MaxValue, resumed.Clock.Deadline);
        Assert.Equal(Nine.AddDays(1), ClockRules.NextWake(resumed, Nine));
        var hugeRounds = GameState.Start(MiniTalks(), new GameTiming(TimeSpan.Zero, TimeSpan.MaxValue));
        Assert.Equal(DateTimeOffset.MaxValue, GameRules.ApplyAll(hugeRounds, GameRules.Decide(hugeRounds, new StartNegotiation(Nine)).Events).Clock.Deadline);
    }

    [Fact]
    public void The_timer_wakes_at_the_deadline_at_once_when_it_has_come_and_not_at_all_while_paused()
    {
        var game = TimedNegotiation();

        Assert.Equal(Nine.AddMinutes(15), ClockRules.NextWake(game.State, Nine));
        Assert.Equal(Nine.AddMinutes(20), ClockRules.NextWake(game.State, Nine.AddMinutes(20)));
        game.Accept(new PauseClock(Nine));
        Assert.Null(ClockRules.NextWake(game.State, Nine.AddMinutes(20)));
    }

    [Fact]
    public void News_is_kept_with_the_round_it_arrived_in()
    {
        var game = TimedNegotiation();

        game.Accept(new InjectNews("Ceasefire violated", "Shelling reported near Zaporizhzhia overnight."));

        Assert.Equal(new NewsItem(1, "Ceasefire violated", "Shelling reported near Zaporizhzhia overnight."), Assert.Single(game.State.News));
        game.Refuse(new InjectNews(" ", "Nothing."), RuleViolationCode.InvalidNews);
        game.Refuse(new InjectNews("Two\nlines", "Nothing."), RuleViolationCode.InvalidNews);
        game.Refuse(new InjectNews("Bell\a", "Nothing."), RuleViolationCode.InvalidNews);
        game.Refuse(new InjectNews("Fine", "Escape \u001b[2J"), RuleViolationCode.InvalidNews);
        game.Accept(new InjectNews("Fine", "Line one.\nLine two."));
    }

    private static GameDriver TimedNegotiation()
    {
        var game = new GameDriver(GameState.Start(MiniTalks(), Timed));
        game.Accept(new StartNegotiation(Nine));
        return game;
    }
}
