using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>
/// Every party the offer needed has accepted: its issues are now settled, binding where every required signatory
/// signed (<paramref name="BindingIssueMask"/>) and provisional elsewhere. The agreement keeps the offer's id.
/// </summary>
public sealed record AgreementConcluded(int AgreementId, PartySet Signatories, ushort BindingIssueMask) : GameEvent;
