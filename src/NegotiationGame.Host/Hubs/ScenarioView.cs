using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Host.Hubs;

/// <summary>The public part of a scenario: what every participant may read (no profile, no confidential briefing).</summary>
internal static class ScenarioView
{
    public static object Of(Scenario scenario) => new
    {
        id = scenario.Id,
        title = scenario.Title,
        summary = scenario.Summary,
        publicBackground = scenario.PublicBackground,
        rounds = scenario.Rounds,
        parties = scenario.Parties.Select(party => new { id = party.Id, name = party.Name, leader = party.Leader }),
        issues = scenario.Issues.Select(issue => new
        {
            id = issue.Id,
            name = issue.Name,
            group = issue.Group,
            description = issue.Description,
            noDeal = issue.Options[issue.NoDealOption].Id,
            signatories = issue.Signatories.Indices().Select(party => scenario.Parties[party].Id),
            options = issue.Options.Select(option => new
            {
                id = option.Id,
                label = option.Label,
                alsoRequires = option.AlsoRequires.Indices().Select(party => scenario.Parties[party].Id),
            }),
        }),
    };
}
