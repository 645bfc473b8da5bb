namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>The current phase got <paramref name="By"/> more time.</summary>
public sealed record DeadlineExtended(TimeSpan By) : GameEvent;
