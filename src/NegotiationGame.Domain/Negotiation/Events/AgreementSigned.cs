namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>A missing signatory signed; <paramref name="NewlyBindingIssueMask"/> are the issues that bind from now on.</summary>
public sealed record AgreementSigned(int AgreementId, int Party, ushort NewlyBindingIssueMask) : GameEvent;
