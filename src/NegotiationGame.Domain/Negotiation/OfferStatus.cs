namespace NegotiationGame.Domain.Negotiation;

public enum OfferStatus
{
    Open,
    Agreed,
    Rejected,
    Withdrawn,
    Expired,
}
