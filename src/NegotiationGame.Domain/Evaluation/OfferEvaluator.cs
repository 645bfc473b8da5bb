using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Evaluation;

/// <summary>
/// The hot path of offer resolution: validation, every party's utility and the consent check in one pass over
/// the issues, writing utilities into a caller's buffer and allocating nothing.
/// </summary>
public static class OfferEvaluator
{
    public static OfferEvaluation Validate(Scenario scenario, Package package)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (package.IsEmpty)
        {
            return new OfferEvaluation(PackageProblem.Empty, -1, PartySet.Empty, PartySet.Empty);
        }

        var issues = scenario.Issues;
        if (package.IssueMask >> issues.Length != 0)
        {
            return new OfferEvaluation(PackageProblem.UnknownIssue, issues.Length, PartySet.Empty, PartySet.Empty);
        }

        var required = PartySet.Empty;
        for (var issueIndex = 0; issueIndex < issues.Length; issueIndex++)
        {
            if (!package.Covers(issueIndex))
            {
                continue;
            }

            var issue = issues[issueIndex];
            var option = package.OptionOf(issueIndex);
            if (option >= issue.Options.Length)
            {
                return new OfferEvaluation(PackageProblem.UnknownOption, issueIndex, PartySet.Empty, PartySet.Empty);
            }

            required = required.Union(issue.RequiredSignatories(option));
        }

        return new OfferEvaluation(PackageProblem.None, -1, required, PartySet.Empty);
    }

    /// <summary>
    /// Validates <paramref name="package"/> and, when it is valid, writes every party's utility (hundredths of a
    /// point, no-deal option for uncovered issues) into <paramref name="utilities"/>.
    /// </summary>
    public static OfferEvaluation Evaluate(Scenario scenario, Package package, Span<int> utilities)
    {
        var evaluation = Validate(scenario, package);
        if (!evaluation.IsValid)
        {
            return evaluation;
        }

        var table = scenario.Utilities;
        ArgumentOutOfRangeException.ThrowIfLessThan(utilities.Length, table.PartyCount, nameof(utilities));
        var crossed = PartySet.Empty;
        for (var party = 0; party < table.PartyCount; party++)
        {
            utilities[party] = table.Utility(party, package);
            if (table.CrossesRedLine(party, package))
            {
                crossed = crossed.With(party);
            }
        }

        return evaluation with { RedLinesCrossedBy = crossed };
    }
}
