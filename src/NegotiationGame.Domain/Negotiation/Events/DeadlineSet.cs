namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>The current phase ends at <paramref name="Deadline"/>.</summary>
public sealed record DeadlineSet(DateTimeOffset Deadline) : GameEvent;
