namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>News prepared for a round was taken back before the round began; of the watchers, only the instructor reads it.</summary>
public sealed record ScheduledNewsCancelled(int Round, string Headline) : GameEvent;
