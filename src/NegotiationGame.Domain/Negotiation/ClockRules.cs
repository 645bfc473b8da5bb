using System.Collections.Immutable;
using NegotiationGame.Domain.Negotiation.Events;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>The instructor's control of the clock and the news, as decisions and folds like the rest of the rules.</summary>
internal static class ClockRules
{
    public const int MaxHeadlineLength = 200;
    public const int MaxNewsLength = 4_000;

    /// <summary>Adds the phase's deadline after the events that open it, when the phase is timed and a time is known.</summary>
    public static ImmutableArray<GameEvent> WithDeadline(ImmutableArray<GameEvent> events, DateTimeOffset? at, TimeSpan length) =>
        at is { } now && length > TimeSpan.Zero ? [.. events, new DeadlineSet(now + length)] : events;

    public static Decision DecidePause(GameState state, DateTimeOffset at)
    {
        if (state.Phase is not (GamePhase.Briefing or GamePhase.Negotiation))
        {
            return NotRunning(state);
        }

        return state.Clock.Paused
            ? Decision.Reject(RuleViolationCode.ClockAlreadyPaused, "The clock is already paused.")
            : Decision.Accept([new ClockPaused(state.Clock.Deadline is { } deadline ? Max(deadline - at, TimeSpan.Zero) : null)]);
    }

    public static Decision DecideResume(GameState state, DateTimeOffset at)
    {
        if (state.Phase is not (GamePhase.Briefing or GamePhase.Negotiation))
        {
            return NotRunning(state);
        }

        return state.Clock.Paused
            ? Decision.Accept([new ClockResumed(state.Clock.RemainingWhenPaused is { } remaining ? at + remaining : null)])
            : Decision.Reject(RuleViolationCode.ClockNotPaused, "The clock is not paused.");
    }

    public static Decision DecideExtend(GameState state, TimeSpan by)
    {
        if (state.Phase is not (GamePhase.Briefing or GamePhase.Negotiation))
        {
            return NotRunning(state);
        }

        if (by <= TimeSpan.Zero)
        {
            return Decision.Reject(RuleViolationCode.InvalidExtension, "An extension must add some time.");
        }

        return state.Clock.Deadline is null && state.Clock.RemainingWhenPaused is null
            ? Decision.Reject(RuleViolationCode.NoDeadline, "This phase has no deadline to extend; it moves on when the instructor processes it.")
            : Decision.Accept([new DeadlineExtended(by)]);
    }

    public static Decision DecideNews(GameState state, string headline, string body)
    {
        if (state.Phase == GamePhase.Ended)
        {
            return Decision.Reject(RuleViolationCode.GameAlreadyEnded, "The game has ended.");
        }

        if (string.IsNullOrWhiteSpace(headline) || headline.Length > MaxHeadlineLength || body is null || body.Length > MaxNewsLength)
        {
            return Decision.Reject(RuleViolationCode.InvalidNews, $"News needs a headline of 1 to {MaxHeadlineLength} characters and a text of at most {MaxNewsLength}.");
        }

        return Decision.Accept([new NewsInjected(headline, body)]);
    }

    public static GameState Apply(GameState state, GameEvent gameEvent) => gameEvent switch
    {
        DeadlineSet set => state with { Clock = new GameClock(set.Deadline, false, null) },
        ClockPaused paused => state with { Clock = new GameClock(null, true, paused.Remaining) },
        ClockResumed resumed => state with { Clock = new GameClock(resumed.Deadline, false, null) },
        DeadlineExtended extended => state with
        {
            Clock = state.Clock with
            {
                Deadline = state.Clock.Deadline + extended.By,
                RemainingWhenPaused = state.Clock.RemainingWhenPaused + extended.By,
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
