namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>Rejects an open offer whose conclusion needs this party; the offer closes.</summary>
public sealed record RejectOffer(int Party, int OfferId) : PartyCommand(Party);
