namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record PartyWalkedAway(int Party) : GameEvent;
