namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record RoundAdvanced(int Round) : GameEvent;
