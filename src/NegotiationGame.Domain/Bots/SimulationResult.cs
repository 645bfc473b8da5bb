using System.Collections.Immutable;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// How a run of all-bot games ended. Welfare and distances are those of the outcome that binds at the end (open
/// issues at their no-deal option), in utility points; <see cref="MeanScoreOverReservation"/> is each party's final
/// score, discount included, minus its reservation value, in party order.
/// </summary>
public sealed record SimulationResult(
    int Games,
    int Agreements,
    double? MeanRoundsToAgreement,
    double MeanWelfare,
    double MeanDistanceToFrontier,
    double? MeanDistanceToNash,
    ImmutableArray<double> MeanScoreOverReservation)
{
    /// <summary>The share of games that ended with every issue binding.</summary>
    public double AgreementRate => Games == 0 ? 0 : Agreements / (double)Games;
}
