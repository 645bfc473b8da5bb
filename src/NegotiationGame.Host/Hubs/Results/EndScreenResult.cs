using System.Collections.Immutable;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>
/// What a player reads once their game has ended (docs/protocol.md, <c>getEndScreen</c>). Everything drawn from the
/// other parties' confidential profiles — their reservations and briefings, the frontier, the Nash point — is present
/// only when the instructor's policy reveals briefings after the end.
/// </summary>
public sealed record EndScreenResult(
    string GameId,
    string PartyId,
    PublicScenario Scenario,
    string? Ended,
    double Score,
    double Reservation,
    ImmutableArray<BoundOption> Binding,
    ImmutableDictionary<string, double> Scores,
    double Welfare,
    bool Revealed,
    ImmutableArray<RevealedParty> Others,
    EndScreenAnalysis? Analysis,
    ImmutableArray<ClassGameOutcome> ClassGames) : HubSuccess;

/// <summary>An issue that binds and its option, listed in the scenario's order of issues.</summary>
public sealed record BoundOption(string Issue, string Option);

/// <summary>Another party's reservation and confidential briefing, as revealed after the end.</summary>
public sealed record RevealedParty(string PartyId, double Reservation, string Briefing);

/// <summary>The agreement against the scenario's analytics: the whole Pareto frontier and the Nash point.</summary>
public sealed record EndScreenAnalysis(
    ImmutableArray<ImmutableDictionary<string, double>> Frontier,
    DebriefPoint? Nash,
    ImmutableDictionary<string, double> Utilities,
    bool ParetoOptimal,
    double? DistanceToNash);

/// <summary>An ended game of the class: the score of the caller's role in it and its welfare (sum of every party's score).</summary>
public sealed record ClassGameOutcome(string GameId, bool Own, double RoleScore, double Welfare);
