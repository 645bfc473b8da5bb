using System.Collections.Immutable;
using NegotiationGame.Domain.Negotiation.Events;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// News the instructor prepares for the start of a round. The game releases it in the same decision that begins the
/// round (by hand, on the clock or after a restart alike), so a replay of the log releases it at the same place.
/// </summary>
public static class ScheduledNewsRules
{
    /// <summary>The most headlines a game holds in waiting: enough for a class's whole script, small enough to list.</summary>
    public const int MaxWaiting = 50;

    internal static Decision DecideSchedule(GameState state, int round, string headline, string body)
    {
        if (state.Phase == GamePhase.Ended)
        {
            return Decision.Reject(RuleViolationCode.GameAlreadyEnded, "The game has ended.");
        }

        if (ClockRules.CheckNews(headline, body) is { } invalid)
        {
            return invalid;
        }

        if (round < 1 || round > state.Scenario.Rounds)
        {
            return Decision.Reject(RuleViolationCode.InvalidSchedule, $"News can wait for the start of round 1 to {state.Scenario.Rounds}.");
        }

        if (round <= state.Round)
        {
            return Decision.Reject(RuleViolationCode.InvalidSchedule, $"Round {round} has already begun; publish the news now instead.");
        }

        if (state.ScheduledNews.Any(waiting => waiting.Round == round && waiting.Headline == headline))
        {
            return Decision.Reject(RuleViolationCode.InvalidSchedule, $"\"{headline}\" already waits for round {round}.");
        }

        return state.ScheduledNews.Count >= MaxWaiting
            ? Decision.Reject(RuleViolationCode.InvalidSchedule, $"A game holds at most {MaxWaiting} headlines in waiting; cancel one first.")
            : Decision.Accept([new NewsScheduled(round, headline, body)]);
    }

    internal static Decision DecideCancel(GameState state, int round, string headline)
    {
        if (state.Phase == GamePhase.Ended)
        {
            return Decision.Reject(RuleViolationCode.GameAlreadyEnded, "The game has ended.");
        }

        return state.ScheduledNews.Any(waiting => waiting.Round == round && waiting.Headline == headline)
            ? Decision.Accept([new ScheduledNewsCancelled(round, headline)])
            : Decision.Reject(RuleViolationCode.ScheduledNewsNotFound, $"No news \"{headline}\" waits for round {round}: it was never scheduled, was cancelled or is out.");
    }

    /// <summary>The news that waits for <paramref name="round"/>, in the order it was scheduled, to publish as that round begins.</summary>
    internal static IEnumerable<GameEvent> ReleasedAt(GameState state, int round) =>
        state.ScheduledNews.Where(waiting => waiting.Round == round).Select(waiting => new NewsInjected(waiting.Headline, waiting.Body));

    internal static GameState Apply(GameState state, GameEvent gameEvent) => gameEvent switch
    {
        NewsScheduled scheduled => state with { ScheduledNews = state.ScheduledNews.Add(new ScheduledNews(scheduled.Round, scheduled.Headline, scheduled.Body)) },
        ScheduledNewsCancelled cancelled => state with
        {
            ScheduledNews = state.ScheduledNews.RemoveAll(waiting => waiting.Round == cancelled.Round && waiting.Headline == cancelled.Headline),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(gameEvent), gameEvent.GetType().Name, "Not a scheduled news event."),
    };

    /// <summary>Once a round has begun, what waited for it is out (the decision that began it published it).</summary>
    internal static ImmutableList<ScheduledNews> WaitingAfter(ImmutableList<ScheduledNews> waiting, int round) =>
        waiting.RemoveAll(news => news.Round <= round);
}
