using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// One way an issue can be settled. <paramref name="AlsoRequires"/> names parties whose signature this option
/// needs on top of the issue's own signatories (a force provider must sign a guarantee that sends its troops).
/// </summary>
public sealed record IssueOption(int Index, string Id, string Label, PartySet AlsoRequires);
