namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// How long the briefing and each round last. A zero length means that phase has no deadline and moves on only when
/// the instructor says so ("process now").
/// </summary>
public sealed record GameTiming(TimeSpan Briefing, TimeSpan Round)
{
    /// <summary>The longest briefing or round a new game may have; a class meets within a day.</summary>
    public static readonly TimeSpan MaxPhaseLength = TimeSpan.FromHours(24);

    public static GameTiming Manual { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Whether both lengths are zero (untimed) or whole seconds up to <see cref="MaxPhaseLength"/>.</summary>
    public bool IsWithinLimits => IsValidLength(Briefing) && IsValidLength(Round);

    private static bool IsValidLength(TimeSpan length) =>
        length >= TimeSpan.Zero && length <= MaxPhaseLength && length.Ticks % TimeSpan.TicksPerSecond == 0;
}
