using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// The Pareto frontier of a scenario's whole outcome space: every utility vector that no outcome dominates, with
/// how many outcomes reach it and the smallest-index outcome that does.
/// </summary>
/// <remarks>
/// Built issue by issue. Utilities are sums over issues, so if a partial outcome is dominated by another on the
/// issues decided so far, every completion of it is dominated by the same completion of the other: after each
/// issue only the maxima of "frontier so far ⊕ this issue's options" need to be kept. The work grows with the
/// frontier's size, not with the number of outcomes.
/// </remarks>
public sealed class ParetoFrontier
{
    private readonly UtilityPoints _points;

    private readonly int _unitsPerPoint;

    private ParetoFrontier(UtilityPoints points, int unitsPerPoint)
    {
        _points = points;
        _unitsPerPoint = unitsPerPoint;
        long outcomes = 0;
        foreach (var multiplicity in points.Multiplicity)
        {
            outcomes += multiplicity;
        }

        OutcomeCount = outcomes;
    }

    public int PartyCount => _points.Dimensions;

    /// <summary>Number of distinct utility vectors on the frontier.</summary>
    public int Count => _points.Count;

    /// <summary>Number of outcomes on the frontier (several outcomes can share a vector).</summary>
    public long OutcomeCount { get; }

    /// <summary>A frontier vector, in the scenario's utility units per party; points run in descending order of the first party's utility.</summary>
    public ReadOnlySpan<int> Utilities(int point) => _points.Vector(point);

    /// <summary>How many outcomes reach the vector of <paramref name="point"/>.</summary>
    public long Multiplicity(int point) => _points.Multiplicity[point];

    /// <summary>The smallest outcome index (see <see cref="OutcomeSpace"/>) that reaches <paramref name="point"/>.</summary>
    public long Representative(int point) => _points.Representative[point];

    public static ParetoFrontier Build(Scenario scenario, IProgress<AnalysisProgress>? progress = null) =>
        Build(scenario, progress, AnalysisLimits.FrontierCandidates(scenario?.Parties.Length ?? 0));

    /// <summary>Builds the frontier, refusing once a step holds more than <paramref name="candidateLimit"/> vectors.</summary>
    internal static ParetoFrontier Build(Scenario scenario, IProgress<AnalysisProgress>? progress, int candidateLimit)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var table = scenario.Utilities;
        var space = new OutcomeSpace(scenario);
        var parties = table.PartyCount;
        var frontier = new UtilityPoints(parties, 1, new int[parties], [1], [0]);
        for (var issue = 0; issue < space.IssueCount; issue++)
        {
            var options = space.Radix(issue);
            var count = (long)frontier.Count * options;
            if (count > candidateLimit)
            {
                throw new AnalysisRefusedException(AnalysisLimits.FrontierTooLarge(scenario.Id, candidateLimit, count, issue));
            }

            var vectors = new int[count * parties];
            var multiplicity = new long[count];
            var representative = new long[count];
            var next = 0;
            for (var point = 0; point < frontier.Count; point++)
            {
                var vector = frontier.Vector(point);
                for (var option = 0; option < options; option++)
                {
                    var target = vectors.AsSpan(next * parties, parties);
                    for (var party = 0; party < parties; party++)
                    {
                        target[party] = vector[party] + table.Cell(party, issue, option);
                    }

                    multiplicity[next] = frontier.Multiplicity[point];
                    representative[next] = frontier.Representative[point] + (option * space.Stride(issue));
                    next++;
                }
            }

            var step = issue + 1;
            frontier = MaximaFilter.Reduce(
                new UtilityPoints(parties, (int)count, vectors, multiplicity, representative),
                progress is null ? null : (done, total) => progress.Report(new AnalysisProgress(AnalysisStage.Frontier, step, space.IssueCount, done, total)));
        }

        return new ParetoFrontier(frontier, table.UnitsPerPoint);
    }

    /// <summary>True when no outcome of the space dominates <paramref name="utilities"/>.</summary>
    public bool IsParetoOptimal(ReadOnlySpan<int> utilities)
    {
        for (var point = 0; point < Count; point++)
        {
            var vector = Utilities(point);
            if (MaximaFilter.AtLeastAsGood(vector, utilities) && !vector.SequenceEqual(utilities))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Euclidean distance, in utility points, from <paramref name="utilities"/> to the nearest frontier vector.</summary>
    public double DistanceTo(ReadOnlySpan<int> utilities)
    {
        var best = long.MaxValue;
        for (var point = 0; point < Count; point++)
        {
            best = Math.Min(best, SquaredDistance(Utilities(point), utilities));
        }

        return Math.Sqrt(best) / _unitsPerPoint;
    }

    internal static long SquaredDistance(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        long sum = 0;
        for (var d = 0; d < a.Length; d++)
        {
            long difference = a[d] - b[d];
            sum += difference * difference;
        }

        return sum;
    }
}
