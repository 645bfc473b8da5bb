namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// The visible clock: when the current phase ends, or, while the instructor has paused the game, how much of it was
/// left. Times come from the commands (the host's clock), never from inside the rules, so a replay is exact.
/// </summary>
public sealed record GameClock(DateTimeOffset? Deadline, bool Paused, TimeSpan? RemainingWhenPaused)
{
    public static GameClock Stopped { get; } = new(null, false, null);
}
