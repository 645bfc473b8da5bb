namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record OfferWithdrawn(int OfferId) : GameEvent;
