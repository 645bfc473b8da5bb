namespace NegotiationGame.Contracts.Commands;

/// <summary>Takes back one's own open offer.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.WithdrawOfferBody")]
public sealed record WithdrawOfferBody(
    [property: Id(0)] int OfferId) : CommandBody;
