namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>A required signatory signs a concluded agreement, making binding the issues that waited for it.</summary>
public sealed record SignAgreement(int Party, int AgreementId) : PartyCommand(Party);
