namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>The clock runs again; the phase now ends at <paramref name="Deadline"/> (null when it has no deadline).</summary>
public sealed record ClockResumed(DateTimeOffset? Deadline) : GameEvent;
