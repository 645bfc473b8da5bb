namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record StatementMade(int Party, string Text) : GameEvent;
