using System.Text.Json;

namespace NegotiationGame.Host.Hubs;

/// <summary>The arguments of the hub's methods, as docs/protocol.md describes them; every field may be missing.</summary>
public sealed record CreateClassRequest(
    string? Title,
    string? Scenario,
    int Games = 1,
    int BriefingSeconds = 0,
    int RoundSeconds = 0,
    int Seed = 1,
    int SpectatorDelaySeconds = 0);

public sealed record JoinClassRequest(string? ClassId, string? Code, string? Name);

public sealed record TokenRequest(string? Token);

public sealed record StartClassRequest(string? Token, string? Bots);

public sealed record RevealPolicyRequest(string? Token, bool RevealPrivateAfterEnd);

public sealed record InstructRequest(string? Token, string? GameId, JsonElement Command);

public sealed record ActRequest(string? Token, Guid? CommandId, JsonElement Command, string? GameId = null, string? PartyId = null);

public sealed record WatchRequest(string? Token, string? GameId, long AfterSequence = 0);
