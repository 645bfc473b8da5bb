namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record OfferRejected(int OfferId, int Party) : GameEvent;
