using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// Everything one party may see that others may not: its confidential briefing and profile, its inbox of open
/// offers it can answer, the agreements waiting for its signature, what it would score on what binds now, and the
/// public agreements board.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.PartyView")]
public sealed record PartyView(
    [property: Id(0)] string GameId,
    [property: Id(1)] string PartyId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Leader,
    [property: Id(4)] string ConfidentialBriefing,
    [property: Id(5)] double Reservation,
    [property: Id(6)] double DiscountPerRound,
    [property: Id(7)] ImmutableDictionary<string, double> Weights,
    [property: Id(8)] ImmutableDictionary<string, ImmutableDictionary<string, int>> Values,
    [property: Id(9)] ImmutableArray<string> RedLines,
    [property: Id(10)] ImmutableArray<OfferView> Inbox,
    [property: Id(11)] ImmutableArray<int> AgreementsAwaitingSignature,
    [property: Id(12)] double UtilityOfWhatBinds,
    [property: Id(13)] string? Bot,
    [property: Id(14)] ImmutableArray<SettlementView> Settlements);
