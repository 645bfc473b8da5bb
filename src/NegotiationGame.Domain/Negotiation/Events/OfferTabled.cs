using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>An offer, numbered in the order offers were tabled in this game (1, 2, 3…).</summary>
public sealed record OfferTabled(
    int OfferId,
    int Proposer,
    Package Package,
    PartySet Addressees,
    int? ExpiresAtRound,
    int? CounterTo) : GameEvent;
