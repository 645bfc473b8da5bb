using System.Collections.Immutable;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// Exact analytics of a scenario's whole outcome space (docs/scenario-format.md defines every figure and how
/// ties are broken). Build one with <see cref="Analyze"/>; it then answers questions about any outcome.
/// </summary>
public sealed class ScenarioAnalysis
{
    /// <summary>The Nash product is exact in 128 bits for up to this many parties.</summary>
    public const int MaxParties = AnalysisLimits.MaxParties;

    private ScenarioAnalysis(
        Scenario scenario,
        OutcomeSpace space,
        long zoneOfAgreement,
        long zoneOfAgreementWithinRedLines,
        ParetoFrontier frontier,
        RankedOutcome? nash,
        RankedOutcome? kalaiSmorodinsky,
        RankedOutcome maxWelfare)
    {
        Scenario = scenario;
        Space = space;
        ZoneOfAgreement = zoneOfAgreement;
        ZoneOfAgreementWithinRedLines = zoneOfAgreementWithinRedLines;
        Frontier = frontier;
        Nash = nash;
        KalaiSmorodinsky = kalaiSmorodinsky;
        MaxWelfare = maxWelfare;
    }

    public Scenario Scenario { get; }

    public OutcomeSpace Space { get; }

    public long OutcomeCount => Space.Count;

    /// <summary>Outcomes in which every party gets at least its reservation value.</summary>
    public long ZoneOfAgreement { get; }

    /// <summary>Outcomes of the zone of agreement that also cross no party's red line.</summary>
    public long ZoneOfAgreementWithinRedLines { get; }

    public ParetoFrontier Frontier { get; }

    /// <summary>Maximises Π(uᵢ − rᵢ) over the zone of agreement; null when that zone is empty.</summary>
    public RankedOutcome? Nash { get; }

    /// <summary>Maximises minᵢ(uᵢ − rᵢ) over the zone of agreement; null when that zone is empty.</summary>
    public RankedOutcome? KalaiSmorodinsky { get; }

    /// <summary>Maximises Σuᵢ over every outcome.</summary>
    public RankedOutcome MaxWelfare { get; }

    /// <summary>
    /// Analyses the whole outcome space, reporting how far it has come to <paramref name="progress"/> now and then.
    /// Throws <see cref="AnalysisRefusedException"/> for a scenario beyond <see cref="AnalysisLimits"/>, before any
    /// work, or when the frontier outgrows them on the way.
    /// </summary>
    public static ScenarioAnalysis Analyze(Scenario scenario, IProgress<AnalysisProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (AnalysisLimits.Check(scenario) is { } refusal)
        {
            throw new AnalysisRefusedException(refusal);
        }

        var space = new OutcomeSpace(scenario);
        var frontier = ParetoFrontier.Build(scenario, progress);
        var scan = OutcomeScan.Run(scenario, progress);
        return new ScenarioAnalysis(
            scenario,
            space,
            scan.ZoneOfAgreement,
            scan.ZoneOfAgreementWithinRedLines,
            frontier,
            Ranked(scenario, space, scan.NashIndex),
            Ranked(scenario, space, scan.KalaiSmorodinskyIndex),
            Ranked(scenario, space, scan.MaxWelfareIndex)!);
    }

    /// <summary>Assesses a complete or partial package (open issues at their no-deal option).</summary>
    public OutcomeAssessment Assess(Package package)
    {
        var utilities = Scenario.Parties.Select(party => Scenario.Utilities.Utility(party.Index, package)).ToImmutableArray();
        var span = utilities.AsSpan();
        var beatsReservations = Scenario.Profiles.All(profile => utilities[profile.PartyIndex] >= Scenario.Utilities.Reservation(profile.PartyIndex));
        return new OutcomeAssessment(
            utilities,
            utilities.Sum(),
            Frontier.IsParetoOptimal(span),
            Frontier.DistanceTo(span),
            Nash is null ? null : Math.Sqrt(ParetoFrontier.SquaredDistance(Nash.Utilities.AsSpan(), span)) / Scenario.Utilities.UnitsPerPoint,
            beatsReservations);
    }

    private static RankedOutcome? Ranked(Scenario scenario, OutcomeSpace space, long index)
    {
        if (index < 0)
        {
            return null;
        }

        var package = space.ToPackage(index);
        return new RankedOutcome(index, package, [.. scenario.Parties.Select(party => scenario.Utilities.Utility(party.Index, package))]);
    }
}
