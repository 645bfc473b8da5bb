using System.Collections.Immutable;
using NegotiationGame.Domain.Negotiation.Events;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// The instructor's control of the clock and the news, as decisions and folds like the rest of the rules, and when the
/// host's timer should next look at the clock (<see cref="NextWake"/>).
/// </summary>
public static class ClockRules
{
    public const int MaxHeadlineLength = 200;
    public const int MaxNewsLength = 4_000;

    /// <summary>The most time one extension adds.</summary>
    public static readonly TimeSpan MaxExtension = TimeSpan.FromHours(24);

    /// <summary>The most time an extension may leave on the clock, counted from when it is asked.</summary>
    public static readonly TimeSpan MaxTimeLeft = TimeSpan.FromDays(7);

    /// <summary>
    /// The longest a host waits before looking at the clock again, however far the deadline: hosts' timers have a
    /// range (Orleans refuses ~49.7 days and more), and a far deadline (from a log written before durations were
    /// bounded) is simply looked at again a day later.
    /// </summary>
    public static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(1);

    /// <summary>The deadline the clock runs towards, which <c>ReachDeadline</c> is measured against; none while paused, untimed or outside the phases.</summary>
    public static DateTimeOffset? RunningDeadline(GameState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase is GamePhase.Briefing or GamePhase.Negotiation && !state.Clock.Paused ? state.Clock.Deadline : null;
    }

    /// <summary>Whether a <c>ReachDeadline</c> at <paramref name="now"/> moves the game on.</summary>
    public static bool IsDue(GameState state, DateTimeOffset now) => RunningDeadline(state) is { } deadline && now >= deadline;

    /// <summary>
    /// When the host should next look at the clock: at the running deadline, at once when it has come, but never
    /// more than <see cref="MaxTimerWait"/> ahead; null when no deadline runs. Waking "at once" happens only when
    /// <see cref="IsDue"/>, and handling a due deadline always moves it on, so a timer armed from this never spins.
    /// </summary>
    public static DateTimeOffset? NextWake(GameState state, DateTimeOffset now)
    {
        if (RunningDeadline(state) is not { } deadline)
        {
            return null;
        }

        if (deadline <= now)
        {
            return now;
        }

        var latest = SaturatingTime.Add(now, MaxTimerWait);
        return deadline < latest ? deadline : latest;
    }

    /// <summary>Adds the phase's deadline after the events that open it, when the phase is timed and a time is known.</summary>
    internal static ImmutableArray<GameEvent> WithDeadline(ImmutableArray<GameEvent> events, DateTimeOffset? at, TimeSpan length) =>
        at is { } now && length > TimeSpan.Zero ? [.. events, new DeadlineSet(SaturatingTime.Add(now, length))] : events;

    internal static Decision DecidePause(GameState state, DateTimeOffset at)
    {
        if (state.Phase is not (GamePhase.Briefing or GamePhase.Negotiation))
        {
            return NotRunning(state);
        }

        return state.Clock.Paused
            ? Decision.Reject(RuleViolationCode.ClockAlreadyPaused, "The clock is already paused.")
            : Decision.Accept([new ClockPaused(state.Clock.Deadline is { } deadline ? Max(deadline - at, TimeSpan.Zero) : null)]);
    }

    internal static Decision DecideResume(GameState state, DateTimeOffset at)
    {
        if (state.Phase is not (GamePhase.Briefing or GamePhase.Negotiation))
        {
            return NotRunning(state);
        }

        return state.Clock.Paused
            ? Decision.Accept([new ClockResumed(state.Clock.RemainingWhenPaused is { } remaining ? SaturatingTime.Add(at, remaining) : null)])
            : Decision.Reject(RuleViolationCode.ClockNotPaused, "The clock is not paused.");
    }

    internal static Decision DecideExtend(GameState state, TimeSpan by, DateTimeOffset? at)
    {
        if (state.Phase is not (GamePhase.Briefing or GamePhase.Negotiation))
        {
            return NotRunning(state);
        }

        if (by <= TimeSpan.Zero || by > MaxExtension)
        {
            return Decision.Reject(RuleViolationCode.InvalidExtension, $"An extension adds 1 second to {MaxExtension.TotalHours:0} hours.");
        }

        // Time left now: what the pause kept, or what runs until the deadline from when the extension is asked.
        var left = state.Clock.Paused ? state.Clock.RemainingWhenPaused
            : state.Clock.Deadline is { } deadline ? deadline - (at ?? deadline)
            : null;
        if (left is not { } timeLeft)
        {
            return Decision.Reject(RuleViolationCode.NoDeadline, "This phase has no deadline to extend; it moves on when the instructor processes it.");
        }

        return SaturatingTime.Add(timeLeft, by) > MaxTimeLeft
            ? Decision.Reject(RuleViolationCode.InvalidExtension, $"An extension may leave at most {MaxTimeLeft.TotalDays:0} days on the clock.")
            : Decision.Accept([new DeadlineExtended(by)]);
    }

    internal static Decision DecideNews(GameState state, string headline, string body)
    {
        if (state.Phase == GamePhase.Ended)
        {
            return Decision.Reject(RuleViolationCode.GameAlreadyEnded, "The game has ended.");
        }

        return CheckNews(headline, body) ?? Decision.Accept([new NewsInjected(headline, body)]);
    }

    /// <summary>The refusal of a headline or text that news may not carry, or null when both are fine.</summary>
    internal static Decision? CheckNews(string headline, string body) =>
        string.IsNullOrWhiteSpace(headline) || headline.Length > MaxHeadlineLength || !PlainText.IsSingleLine(headline) ||
        body is null || body.Length > MaxNewsLength || !PlainText.IsMultiLine(body)
            ? Decision.Reject(
                RuleViolationCode.InvalidNews,
                $"News needs a one-line headline of 1 to {MaxHeadlineLength} characters and a text of at most {MaxNewsLength}, without control characters.")
            : null;

    internal static GameState Apply(GameState state, GameEvent gameEvent) => gameEvent switch
    {
        DeadlineSet set => state with { Clock = new GameClock(set.Deadline, false, null) },
        ClockPaused paused => state with { Clock = new GameClock(null, true, paused.Remaining) },
        ClockResumed resumed => state with { Clock = new GameClock(resumed.Deadline, false, null) },
        DeadlineExtended extended => state with
        {
            Clock = state.Clock with
            {
                Deadline = state.Clock.Deadline is { } deadline ? SaturatingTime.Add(deadline, extended.By) : null,
                RemainingWhenPaused = state.Clock.RemainingWhenPaused is { } remaining ? SaturatingTime.Add(remaining, extended.By) : null,
            },
        },
        NewsInjected news => state with { News = state.News.Add(new NewsItem(state.Round, news.Headline, news.Body)) },
        DeadlinePassed => state,
        _ => throw new ArgumentOutOfRangeException(nameof(gameEvent), gameEvent.GetType().Name, "Not a clock event."),
    };

    private static Decision NotRunning(GameState state) => state.Phase == GamePhase.Ended
        ? Decision.Reject(RuleViolationCode.GameAlreadyEnded, "The game has ended.")
        : Decision.Reject(RuleViolationCode.WrongPhase, "The clock runs only during the briefing and the rounds.");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
