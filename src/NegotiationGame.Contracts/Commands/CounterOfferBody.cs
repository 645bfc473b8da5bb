using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Commands;

/// <summary>Answers an open offer with a new package; addressees default to the original's proposer and addressees.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.CounterOfferBody")]
public sealed record CounterOfferBody(
    [property: Id(0)] int OfferId,
    [property: Id(1)] ImmutableDictionary<string, string> Package,
    [property: Id(2)] ImmutableArray<string>? Addressees,
    [property: Id(3)] int? ExpiresAfterRounds) : CommandBody;
