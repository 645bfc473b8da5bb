namespace NegotiationGame.Domain.Negotiation.Events;

public sealed record OfferAccepted(int OfferId, int Party) : GameEvent;
