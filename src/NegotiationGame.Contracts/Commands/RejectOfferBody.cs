namespace NegotiationGame.Contracts.Commands;

/// <summary>Rejects an open offer.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.RejectOfferBody")]
public sealed record RejectOfferBody(
    [property: Id(0)] int OfferId) : CommandBody;
