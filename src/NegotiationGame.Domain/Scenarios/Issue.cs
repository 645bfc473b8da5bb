using System.Collections.Immutable;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// A question on the table. An agreement on it binds only once every required signatory has signed;
/// while no binding agreement covers it, it stays at <see cref="NoDealOption"/>. <see cref="Map"/>, when the
/// scenario gives one, is its region on the schematic map of its group.
/// </summary>
public sealed record Issue(
    int Index,
    string Id,
    string Name,
    string Group,
    string Description,
    ImmutableArray<IssueOption> Options,
    int NoDealOption,
    PartySet Signatories,
    MapShape? Map = null)
{
    /// <summary>Parties that must sign for this issue to bind when it is settled on <paramref name="optionIndex"/>.</summary>
    public PartySet RequiredSignatories(int optionIndex) => Signatories.Union(Options[optionIndex].AlsoRequires);
}
