namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>The phase's deadline came; the events that move the game on follow.</summary>
public sealed record DeadlinePassed : GameEvent;
