namespace NegotiationGame.Contracts.Commands;

/// <summary>Signs a concluded agreement that waits for this party.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.SignAgreementBody")]
public sealed record SignAgreementBody(
    [property: Id(0)] int AgreementId) : CommandBody;
