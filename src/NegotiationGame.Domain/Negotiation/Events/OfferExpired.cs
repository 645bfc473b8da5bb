namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record OfferExpired(int OfferId) : GameEvent;
