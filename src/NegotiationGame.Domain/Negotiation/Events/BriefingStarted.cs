namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record BriefingStarted : GameEvent;
