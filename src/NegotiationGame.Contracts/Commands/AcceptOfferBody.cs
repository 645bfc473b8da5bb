namespace NegotiationGame.Contracts.Commands;

/// <summary>Accepts an open offer.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.AcceptOfferBody")]
public sealed record AcceptOfferBody(
    [property: Id(0)] int OfferId) : CommandBody;
