namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>News prepared for the start of a round; of the watchers, only the instructor reads it.</summary>
public sealed record NewsScheduled(int Round, string Headline, string Body) : GameEvent;
