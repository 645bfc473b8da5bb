namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>The proposer takes back an offer that is still open.</summary>
public sealed record WithdrawOffer(int Party, int OfferId) : PartyCommand(Party);
