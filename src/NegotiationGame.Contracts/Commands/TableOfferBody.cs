using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Commands;

/// <summary>Puts a package (issue id → option id) on the table for the addressed parties.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.TableOfferBody")]
public sealed record TableOfferBody(
    [property: Id(0)] ImmutableDictionary<string, string> Package,
    [property: Id(1)] ImmutableArray<string> Addressees,
    [property: Id(2)] int? ExpiresAfterRounds) : CommandBody;
