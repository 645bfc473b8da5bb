using System.Collections.Immutable;

namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// How one outcome compares with the best the scenario allows. Distances are Euclidean, in utility points, over
/// every party's utility; <see cref="DistanceToNash"/> is null when the zone of agreement is empty.
/// </summary>
public sealed record OutcomeAssessment(
    ImmutableArray<int> Utilities,
    int Welfare,
    bool IsParetoOptimal,
    double DistanceToFrontier,
    double? DistanceToNash,
    bool BeatsEveryReservation);
