using System.Collections.Immutable;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.EventLog;

/// <summary>
/// The debrief figures of a game's outcome, as GENIUS logs them: what binds, every party's utility of it (open issues
/// at their no-deal option), welfare, and how far it is from the Pareto frontier and from the Nash point.
/// </summary>
public sealed record GameDebrief(
    Package Binding,
    ImmutableArray<double> Scores,
    OutcomeAssessment Assessment)
{
    public static GameDebrief Of(GameRecord record, ScenarioAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(analysis);
        var binding = record.State.BindingPackage();
        var scores = record.State.FinalScores.IsDefaultOrEmpty
            ? [.. analysis.Scenario.Parties.Select(party => analysis.Scenario.Utilities.Points(analysis.Scenario.Utilities.Utility(party.Index, binding)))]
            : record.State.FinalScores;
        return new GameDebrief(binding, scores, analysis.Assess(binding));
    }
}
