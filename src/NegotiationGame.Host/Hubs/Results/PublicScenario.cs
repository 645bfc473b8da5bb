using System.Collections.Immutable;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>The public part of a scenario: what every participant may read (no profile, no confidential briefing).</summary>
public sealed record PublicScenario(
    string Id,
    string Title,
    string Summary,
    string PublicBackground,
    int Rounds,
    ImmutableArray<PublicParty> Parties,
    ImmutableArray<PublicIssue> Issues)
{
    public static PublicScenario Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ImmutableArray<string> Ids(Domain.Outcomes.PartySet parties) => [.. parties.Indices().Select(party => scenario.Parties[party].Id)];
        return new PublicScenario(
            scenario.Id,
            scenario.Title,
            scenario.Summary,
            scenario.PublicBackground,
            scenario.Rounds,
            [.. scenario.Parties.Select(party => new PublicParty(party.Id, party.Name, party.Leader))],
            [.. scenario.Issues.Select(issue => new PublicIssue(
                issue.Id,
                issue.Name,
                issue.Group,
                issue.Description,
                issue.Options[issue.NoDealOption].Id,
                Ids(issue.Signatories),
                [.. issue.Options.Select(option => new PublicOption(option.Id, option.Label, Ids(option.AlsoRequires)))],
                PublicMapShape.Of(issue.Map)))]);
    }
}

public sealed record PublicParty(string Id, string Name, string Leader);

public sealed record PublicIssue(string Id, string Name, string Group, string Description, string NoDeal, ImmutableArray<string> Signatories, ImmutableArray<PublicOption> Options, PublicMapShape? Map);

public sealed record PublicOption(string Id, string Label, ImmutableArray<string> AlsoRequires);
