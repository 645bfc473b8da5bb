using System.Collections.Immutable;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Grains;

/// <summary>
/// A party's profile named by the scenario's ids, as its confidential view and its briefing both give it: the same
/// numbers before the game starts (from the class's scenario) and during it (from the game's).
/// </summary>
public static class PartyProfiles
{
    /// <summary>Issue id → the party's normalised weight in percent.</summary>
    public static ImmutableDictionary<string, double> Weights(Scenario scenario, int party)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var profile = scenario.Profiles[party];
        return scenario.Issues.ToImmutableDictionary(issue => issue.Id, issue => profile.WeightPercent(issue.Index));
    }

    /// <summary>Issue id → option id → the party's value of that option, 0 to 100.</summary>
    public static ImmutableDictionary<string, ImmutableDictionary<string, int>> Values(Scenario scenario, int party)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var profile = scenario.Profiles[party];
        return scenario.Issues.ToImmutableDictionary(
            issue => issue.Id,
            issue => issue.Options.ToImmutableDictionary(option => option.Id, option => profile.Values[issue.Index][option.Index]));
    }

    /// <summary>The options the party must never accept, each as "issue/option".</summary>
    public static ImmutableArray<string> RedLines(Scenario scenario, int party)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return [.. scenario.Profiles[party].RedLines.Select(redLine =>
            $"{scenario.Issues[redLine.IssueIndex].Id}/{scenario.Issues[redLine.IssueIndex].Options[redLine.OptionIndex].Id}")];
    }
}
