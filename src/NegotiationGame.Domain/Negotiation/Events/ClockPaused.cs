namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>The clock stopped with <paramref name="Remaining"/> left of the phase (null when it had no deadline).</summary>
public sealed record ClockPaused(TimeSpan? Remaining) : GameEvent;
