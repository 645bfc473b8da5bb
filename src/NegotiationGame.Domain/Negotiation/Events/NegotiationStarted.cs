namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record NegotiationStarted : GameEvent;
