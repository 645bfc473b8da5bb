namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// How long the briefing and each round last. A zero length means that phase has no deadline and moves on only when
/// the instructor says so ("process now").
/// </summary>
public sealed record GameTiming(TimeSpan Briefing, TimeSpan Round)
{
    public static GameTiming Manual { get; } = new(TimeSpan.Zero, TimeSpan.Zero);
}
