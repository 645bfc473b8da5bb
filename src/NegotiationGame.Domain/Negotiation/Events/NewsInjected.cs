namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record NewsInjected(string Headline, string Body) : GameEvent;
