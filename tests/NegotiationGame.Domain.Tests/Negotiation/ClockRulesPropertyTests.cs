using CsCheck;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Negotiation;

/// <summary>
/// Over random clock histories, including events no rule would decide today but an old log may hold (durations of
/// any size, deadlines at the ends of time): folding never throws and the host's timer never spins.
/// </summary>
public sealed class ClockRulesPropertyTests
{
    private static readonly DateTimeOffset Nine = new(2025, 2, 12, 9, 0, 0, TimeSpan.Zero);

    private static readonly Gen<TimeSpan> AnyDuration = Gen.Frequency(
        (6, Gen.Int[-120, 24 * 60 * 60 * 2].Select(seconds => TimeSpan.FromSeconds(seconds))),
        (2, Gen.Long.Select(TimeSpan.FromTicks)),
        (1, OneOf(TimeSpan.MaxValue, TimeSpan.MinValue, TimeSpan.FromSeconds(int.MaxValue), TimeSpan.FromSeconds(1e9), TimeSpan.Zero)));

    // "Now" stays in this century; deadlines from logs may be anywhere.
    private static readonly Gen<DateTimeOffset> AnyNow = Gen.Int[0, 60 * 24 * 30].Select(minutes => Nine.AddMinutes(minutes));

    private static readonly Gen<DateTimeOffset> AnyDeadline = Gen.Frequency(
        (4, AnyNow),
        (1, OneOf(DateTimeOffset.MaxValue, DateTimeOffset.MinValue, DateTimeOffset.MaxValue.AddTicks(-1), Nine.AddYears(7000))));

    private static readonly Gen<GameTiming> AnyTiming = Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], (briefing, round) => new GameTiming(TimeSpan.FromMinutes(briefing * 10), TimeSpan.FromMinutes(round * 15)))),
        (1, Gen.Select(AnyDuration, AnyDuration, (briefing, round) => new GameTiming(briefing, round))));

    /// <summary>A command the rules decide, or an event folded as it stands, as a hostile or old log would hold it.</summary>
    private static readonly Gen<Func<GameState, GameState>> AnyStep = Gen.Frequency(
        (2, AnyNow.Select(at => Decided(new StartBriefing(at)))),
        (2, AnyNow.Select(at => Decided(new StartNegotiation(at)))),
        (2, AnyNow.Select(at => Decided(new AdvanceRound(at)))),
        (2, AnyNow.Select(at => Decided(new PauseClock(at)))),
        (2, AnyNow.Select(at => Decided(new ResumeClock(at)))),
        (3, Gen.Select(AnyDuration, AnyNow, (by, at) => Decided(new ExtendDeadline(by, at)))),
        (4, AnyNow.Select(at => Decided(new ReachDeadline(at)))),
        (1, Gen.Const(Decided(new EndGame()))),
        (2, AnyDeadline.Select(deadline => Folded(new DeadlineSet(deadline)))),
        (2, AnyDuration.Select(by => Folded(new DeadlineExtended(by)))),
        (1, AnyDuration.Select(remaining => Folded(new ClockPaused(remaining)))),
        (1, AnyDeadline.Select(deadline => Folded(new ClockResumed(deadline)))));

    private static readonly Gen<(GameTiming Timing, Func<GameState, GameState>[] Steps, DateTimeOffset[] Nows)> Histories =
        Gen.Select(AnyTiming, AnyStep.Array[1, 30], AnyNow.Array[1, 4], (timing, steps, nows) => (timing, steps, nows));

    [Fact]
    public void A_timer_armed_from_NextWake_never_spins_and_folding_never_throws()
    {
        Property.ForAll(Histories, iterations: 2_000, seed: 909, history =>
        {
            var state = GameState.Start(MiniTalks(), history.Timing);
            foreach (var step in history.Steps)
            {
                state = step(state);
                foreach (var now in history.Nows)
                {
                    AssertNoSpin(state, now);
                }
            }
        });
    }

    private static void AssertNoSpin(GameState state, DateTimeOffset now)
    {
        if (ClockRules.NextWake(state, now) is not { } wake)
        {
            Assert.Null(ClockRules.RunningDeadline(state));
            return;
        }

        var deadline = ClockRules.RunningDeadline(state)!.Value;
        Assert.InRange(wake, now, now + ClockRules.MaxTimerWait);
        if (wake > now)
        {
            // Not due: the timer waits for the deadline, or a day when that is further (it is then armed again).
            Assert.False(ClockRules.IsDue(state, now));
            Assert.Equal(deadline < now + ClockRules.MaxTimerWait ? deadline : now + ClockRules.MaxTimerWait, wake);
            return;
        }

        // Woken at once: the deadline has come, the rules take it, and what they leave is not due at this instant.
        var decision = GameRules.Decide(state, new ReachDeadline(now));
        Assert.True(decision.IsAccepted, $"A due deadline was refused: {decision.Violation}");
        var after = GameRules.ApplyAll(state, decision.Events);
        Assert.True(ClockRules.NextWake(after, now) is null || ClockRules.NextWake(after, now) > now, $"After {string.Join(", ", decision.Events)} the clock is due again at once.");
        Assert.True((after.Phase, after.Round) != (state.Phase, state.Round), "Reaching the deadline did not move the game on.");
    }

    private static Gen<T> OneOf<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(index => values[index]);

    private static Func<GameState, GameState> Decided(GameCommand command) => state =>
        GameRules.Decide(state, command) is { IsAccepted: true } decision ? GameRules.ApplyAll(state, decision.Events) : state;

    private static Func<GameState, GameState> Folded(GameEvent gameEvent) => state => GameRules.Apply(state, gameEvent);
}
