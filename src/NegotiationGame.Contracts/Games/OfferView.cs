using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Games;

/// <summary>An open offer as one party sees it: what it asks, who has accepted, and what it is worth to that party.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.OfferView")]
public sealed record OfferView(
    [property: Id(0)] int OfferId,
    [property: Id(1)] string Proposer,
    [property: Id(2)] ImmutableDictionary<string, string> Package,
    [property: Id(3)] ImmutableArray<string> Addressees,
    [property: Id(4)] ImmutableArray<string> AcceptedBy,
    [property: Id(5)] double MyUtility,
    [property: Id(6)] bool CrossesMyRedLine,
    [property: Id(7)] bool NeedsMyAnswer);
