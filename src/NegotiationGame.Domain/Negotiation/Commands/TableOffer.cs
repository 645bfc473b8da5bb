using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>
/// Puts a full or partial package on the table, addressed to a set of parties. <paramref name="ExpiresAfterRounds"/>,
/// when given, closes the offer that many rounds later if it is still open.
/// </summary>
public sealed record TableOffer(int Party, Package Package, PartySet Addressees, int? ExpiresAfterRounds = null)
    : PartyCommand(Party);
