using System.Numerics;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Tests.Analytics;

/// <summary>The definitions of docs/scenario-format.md applied literally, by comparing every pair of outcomes.</summary>
internal sealed class BruteForceAnalysis
{
    public BruteForceAnalysis(Scenario scenario)
    {
        var space = new OutcomeSpace(scenario);
        var parties = scenario.Parties.Length;
        Utilities = [.. Enumerable.Range(0, (int)space.Count).Select(index =>
        {
            var package = space.ToPackage(index);
            return Enumerable.Range(0, parties).Select(party => scenario.Utilities.Utility(party, package)).ToArray();
        })];
        var reservations = Enumerable.Range(0, parties).Select(scenario.Utilities.Reservation).ToArray();

        Optimal = [.. Utilities.Select(u => !Utilities.Any(other => Dominates(other, u)))];
        Acceptable = [.. Enumerable.Range(0, Utilities.Length).Where(index => Utilities[index].Select((u, party) => u - reservations[party]).Min() >= 0)];
        WithinRedLines = Acceptable.Count(index =>
            !Enumerable.Range(0, parties).Any(party => scenario.Utilities.CrossesRedLine(party, space.ToPackage(index))));

        BigInteger Product(int index) => Utilities[index].Select((u, party) => new BigInteger(u - reservations[party])).Aggregate(BigInteger.One, (a, b) => a * b);
        int Minimum(int index) => Utilities[index].Select((u, party) => u - reservations[party]).Min();
        int Welfare(int index) => Utilities[index].Sum();

        Nash = Acceptable.Count == 0 ? -1 : Acceptable.OrderByDescending(Product).ThenByDescending(Welfare).ThenBy(i => i).First();
        KalaiSmorodinsky = Acceptable.Count == 0 ? -1 : Acceptable.OrderByDescending(Minimum).ThenByDescending(Product).ThenByDescending(Welfare).ThenBy(i => i).First();
        MaxWelfare = Enumerable.Range(0, Utilities.Length).OrderByDescending(Welfare).ThenBy(i => i).First();
    }

    public int[][] Utilities { get; }

    public bool[] Optimal { get; }

    public List<int> Acceptable { get; }

    public int WithinRedLines { get; }

    public int Nash { get; }

    public int KalaiSmorodinsky { get; }

    public int MaxWelfare { get; }

    /// <summary>Frontier vectors as "u0,u1,…" with their multiplicity and smallest outcome index.</summary>
    public SortedDictionary<string, (long Count, long Representative)> FrontierByVector()
    {
        var frontier = new SortedDictionary<string, (long Count, long Representative)>(StringComparer.Ordinal);
        for (var index = 0; index < Utilities.Length; index++)
        {
            if (!Optimal[index])
            {
                continue;
            }

            var key = string.Join(",", Utilities[index]);
            frontier[key] = frontier.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Representative) : (1, index);
        }

        return frontier;
    }

    private static bool Dominates(int[] a, int[] b) =>
        a.Zip(b).All(pair => pair.First >= pair.Second) && a.Zip(b).Any(pair => pair.First > pair.Second);
}
