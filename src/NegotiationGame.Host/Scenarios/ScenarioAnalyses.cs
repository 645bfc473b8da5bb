using System.Collections.Concurrent;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Host.Scenarios;

/// <summary>
/// The exact analytics of each scenario this host has checked or debriefed, computed once per scenario text. An
/// uploaded scenario is analysed when it arrives, so that its debrief later answers at once and a space whose frontier
/// outgrows the limits is refused at upload rather than after a class has played it.
/// </summary>
public sealed class ScenarioAnalyses
{
    private readonly ConcurrentDictionary<string, Lazy<ScenarioAnalysis>> _byJson = new(StringComparer.Ordinal);

    /// <summary>The analysis of <paramref name="scenario"/>; throws <see cref="AnalysisRefusedException"/> for one beyond the limits.</summary>
    public ScenarioAnalysis For(string json, Scenario scenario)
    {
        var lazy = _byJson.GetOrAdd(json, _ => new Lazy<ScenarioAnalysis>(() => ScenarioAnalysis.Analyze(scenario)));
        try
        {
            return lazy.Value;
        }
        catch (AnalysisRefusedException)
        {
            // A refusal is not kept: the text stays out of the cache, so refused uploads cost no memory.
            _byJson.TryRemove(new KeyValuePair<string, Lazy<ScenarioAnalysis>>(json, lazy));
            throw;
        }
    }
}
