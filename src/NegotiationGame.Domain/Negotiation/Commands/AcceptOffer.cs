namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>Accepts an open offer; the acceptance that completes the needed set concludes the agreement.</summary>
public sealed record AcceptOffer(int Party, int OfferId) : PartyCommand(Party);
