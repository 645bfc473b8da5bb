using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>
/// Answers an open offer with a new one. It rejects the original when the original needed this party, and
/// addresses the original's proposer and addressees unless <paramref name="Addressees"/> says otherwise.
/// </summary>
public sealed record CounterOffer(int Party, int OfferId, Package Package, PartySet? Addressees = null, int? ExpiresAfterRounds = null)
    : PartyCommand(Party);
