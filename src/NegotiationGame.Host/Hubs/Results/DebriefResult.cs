using System.Collections.Immutable;
using NegotiationGame.Host.Hubs.Client;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>The material of the instructor's debrief of one game (docs/protocol.md, <c>getDebrief</c>).</summary>
public sealed record DebriefResult(
    string GameId,
    PublicScenario Scenario,
    ImmutableDictionary<string, double> Reservations,
    ImmutableArray<GameEventMessage> Events,
    ImmutableArray<DebriefOffer> Offers,
    ImmutableArray<ImmutableDictionary<string, double>> Frontier,
    DebriefPoint? Nash,
    DebriefPoint? KalaiSmorodinsky,
    DebriefPoint? MaxWelfare,
    DebriefOutcome Outcome) : HubSuccess;

/// <summary>An offer as tabled, with what it is worth to each party (issues it leaves open at no deal).</summary>
public sealed record DebriefOffer(
    int OfferId,
    long Sequence,
    DateTimeOffset At,
    int Round,
    string Proposer,
    ImmutableDictionary<string, string> Package,
    ImmutableDictionary<string, double> Utilities,
    string Status);

/// <summary>A point of the outcome space: its options and every party's utility.</summary>
public sealed record DebriefPoint(ImmutableDictionary<string, string> Options, ImmutableDictionary<string, double> Utilities);

/// <summary>How the game ended, against the frontier and the Nash point.</summary>
public sealed record DebriefOutcome(
    ImmutableDictionary<string, string> Binding,
    ImmutableDictionary<string, double> Scores,
    ImmutableDictionary<string, double> Utilities,
    double Welfare,
    bool ParetoOptimal,
    double DistanceToFrontier,
    double? DistanceToNash,
    string? Ended);
