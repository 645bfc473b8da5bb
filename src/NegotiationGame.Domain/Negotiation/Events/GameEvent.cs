namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>A fact in a game's log. The state of a game is the fold of its events with <see cref="GameRules.Apply"/>.</summary>
public abstract record GameEvent;
