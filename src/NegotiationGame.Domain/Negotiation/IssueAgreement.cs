using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// How one issue stands settled: the option, the agreement that settled it and who signed that agreement.
/// <see cref="BoundInRound"/> is null while the issue is provisional (a required signatory is missing).
/// </summary>
public sealed record IssueAgreement(int AgreementId, int Option, PartySet Signatories, int? BoundInRound)
{
    public bool IsBinding => BoundInRound is not null;
}
