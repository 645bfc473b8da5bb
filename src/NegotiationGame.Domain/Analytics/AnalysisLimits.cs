using System.Globalization;
using System.Numerics;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// The sizes the exact analytics accept, checked before any work starts so that a caller hears "no" at once instead
/// of waiting for an answer that would take hours (docs/performance.md has the timings these limits come from).
/// </summary>
public static class AnalysisLimits
{
    /// <summary>The Nash product of this many gains stays exact in 128 bits at the finest utility unit used by the fast path.</summary>
    public const int MaxParties = 8;

    /// <summary>
    /// The pass over every outcome visits about 10 to 100 million outcomes a second on one core (four parties; a
    /// busy shared core at the low end), so this bound keeps it between a few seconds and half a minute; beyond it
    /// the space is refused rather than left to run for minutes.
    /// </summary>
    public const long MaxOutcomes = 1L << 28;

    /// <summary>
    /// Frontier vectors × options of the next issue that one filtering step may hold, up to four parties, where the
    /// filter runs in O(n log² n): about a second at this size, and 4 M vectors of four ints in memory.
    /// </summary>
    public const int MaxFrontierCandidates = 1 << 22;

    /// <summary>
    /// The same above four parties, where the filter compares each candidate with the maxima kept so far and its cost
    /// grows with the square of the candidates: 74,000 take 5 s, 600,000 took 165 s (docs/performance.md).
    /// </summary>
    public const int MaxManyPartyFrontierCandidates = 1 << 18;

    /// <summary>The frontier candidate limit for this many parties.</summary>
    public static int FrontierCandidates(int parties) => parties <= 4 ? MaxFrontierCandidates : MaxManyPartyFrontierCandidates;

    /// <summary>Null when the scenario can be analysed; otherwise why not.</summary>
    public static AnalysisRefusal? Check(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Parties.Length > MaxParties)
        {
            return new AnalysisRefusal(
                AnalysisRefusalReason.TooManyParties,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"scenario '{scenario.Id}' has {scenario.Parties.Length} parties; the exact analytics take at most {MaxParties} (the Nash product of more gains no longer fits the exact 128-bit arithmetic)"));
        }

        return TooManyOutcomes(scenario.Id, scenario.OutcomeCount);
    }

    internal static AnalysisRefusal? TooManyOutcomes(string scenarioId, BigInteger outcomes) =>
        outcomes <= MaxOutcomes
            ? null
            : new AnalysisRefusal(
                AnalysisRefusalReason.TooManyOutcomes,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"scenario '{scenarioId}' has {outcomes:N0} outcomes; the exact analytics visit every outcome and take at most {MaxOutcomes:N0} (about ten seconds on one core); remove options or issues"));

    internal static AnalysisRefusal FrontierTooLarge(string scenarioId, int limit, long candidates, int issue) =>
        new(
            AnalysisRefusalReason.FrontierTooLarge,
            string.Create(
                CultureInfo.InvariantCulture,
                $"scenario '{scenarioId}': the Pareto frontier reaches {candidates:N0} candidate vectors at issue {issue + 1}; at most {limit:N0} can be filtered in reasonable time (the frontier's size cannot be known before it is built; fewer parties, issues or options shrink it)"));
}
