using System.Collections.Immutable;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Scenarios.Genius;
using ClassRequest = NegotiationGame.Contracts.Classes.CreateClassRequest;

namespace NegotiationGame.Host.Hubs;

// The arguments of the hub's methods, as docs/protocol.md describes them. Optional fields have defaults; a field
// that is present must have its declared type (RequestJson).

public sealed record CreateClassRequest(
    string Title = "Negotiation class",
    string? Scenario = null,
    int Games = 1,
    int BriefingSeconds = 0,
    int RoundSeconds = 0,
    int Seed = 1,
    int SpectatorDelaySeconds = 0,
    int MaxSeatsPerRole = ClassRequest.DefaultSeatsPerRole,
    string? ScenarioJson = null) : IValidatedRequest
{
    public string? Problem() => Scenario is not null && ScenarioJson is not null
        ? "Give either scenario (a name) or scenarioJson (a file's text), not both."
        : null;
}

public sealed record ListScenariosRequest;

public sealed record UploadScenarioRequest(string ScenarioJson);

/// <summary>A GENIUS domain file and one profile file per party, each with its file name (the importer names parties after them).</summary>
public sealed record ImportGeniusRequest(GeniusXmlFile Domain, ImmutableArray<GeniusXmlFile> Profiles, int Rounds = GeniusImportOptions.DefaultRounds) : IValidatedRequest
{
    public string? Problem() => Profiles.IsDefault || Profiles.Any(profile => profile is null) ? "profiles must be a list of { name, xml } objects." : null;
}

public sealed record GeniusXmlFile(string Name, string Xml);

public sealed record JoinClassRequest(string ClassId, string Code, string Name = "");

public sealed record TokenRequest(string? Token = null);

/// <param name="UntimedBriefing">Open every game with a briefing without deadline, ended by the instructor's startNegotiation.</param>
public sealed record StartClassRequest(string? Token = null, string Bots = "conceder", bool UntimedBriefing = false);

/// <param name="RevealBriefingsAfterEnd">When given, also whether players whose game has ended read the other parties' briefings (getEndScreen).</param>
public sealed record RevealPolicyRequest(bool RevealPrivateAfterEnd, string? Token = null, bool? RevealBriefingsAfterEnd = null);

public sealed record InstructRequest(string GameId, InstructorCommand Command, string? Token = null);

public sealed record ActRequest(Guid CommandId, PartyCommand Command, string? Token = null, string? GameId = null, string? PartyId = null) : IValidatedRequest
{
    public string? Problem() => Command is IValidatedRequest command ? command.Problem() : null;
}

public sealed record WatchRequest(string GameId, long AfterSequence = 0, string? Token = null, bool Batch = false) : IValidatedRequest
{
    public string? Problem() => AfterSequence < 0 ? "afterSequence must be zero or more." : null;
}

public sealed record GameRequest(string GameId, string? Token = null);

public sealed record DownloadRequest(string? Token = null, string? GameId = null);
