using System.Collections.Immutable;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>A new class: the instructor's token, the games, the lobby code, a join code per role, a spectator token per game.</summary>
public sealed record CreateClassResult(
    string ClassId,
    string InstructorToken,
    ImmutableArray<string> GameIds,
    string LobbyCode,
    ImmutableArray<RoleJoinCode> JoinCodes,
    ImmutableDictionary<string, string> SpectatorTokens) : HubSuccess;

public sealed record RoleJoinCode(string Code, string GameId, string PartyId);

/// <summary>
/// A seat: the player's token and the role it holds, and (when it was just issued to this browser) the seat secret
/// that gets the seat back later.
/// </summary>
public sealed record JoinClassResult(string Token, string GameId, string PartyId, Guid SeatId, string? SeatSecret) : HubSuccess;

/// <summary>The class after a change the instructor made.</summary>
public sealed record ClassResult(ClassSummary Class) : HubSuccess;

/// <summary>The instructor's overview: the class, every game's summary once started, and the public scenario.</summary>
public sealed record ClassOverviewResult(ClassSummary Class, ImmutableArray<GameSummary> Games, PublicScenario? Scenario) : HubSuccess;

/// <summary>The instructor's new token; the one the request carried no longer works.</summary>
public sealed record InstructorLinkResult(string InstructorToken) : HubSuccess;

/// <summary>A download link, relative to the server, valid for a few minutes.</summary>
public sealed record DownloadLinkResult(string Url) : HubSuccess;
