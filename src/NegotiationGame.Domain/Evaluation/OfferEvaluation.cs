using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Evaluation;

/// <summary>
/// What the core knows about a package at a glance: whether it is valid (and if not, the first issue at fault),
/// who must sign it for all of it to bind, and whose red lines it crosses.
/// </summary>
public readonly record struct OfferEvaluation(
    PackageProblem Problem,
    int ProblemIssue,
    PartySet RequiredSignatories,
    PartySet RedLinesCrossedBy)
{
    public bool IsValid => Problem == PackageProblem.None;
}
