using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// An offer and, once every party it needed accepted, the agreement it became (same id).
/// <see cref="Accepted"/> holds the proposer and every party that accepted or later signed.
/// </summary>
public sealed record Offer(
    int Id,
    int Proposer,
    Package Package,
    PartySet Addressees,
    int TabledInRound,
    int? ExpiresAtRound,
    int? CounterTo,
    OfferStatus Status,
    PartySet Accepted);
