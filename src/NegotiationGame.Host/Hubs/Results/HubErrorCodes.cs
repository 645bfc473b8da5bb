namespace NegotiationGame.Host.Hubs.Results;

/// <summary>
/// The codes the hub itself answers with (docs/protocol.md lists them with the negotiation rules' codes). Stable:
/// never renamed, only added to.
/// </summary>
public static class HubErrorCodes
{
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string InvalidRequest = "InvalidRequest";
    public const string UnknownScenario = "UnknownScenario";

    /// <summary>An uploaded scenario file that does not load or whose analytics could not finish; the error lists every problem.</summary>
    public const string InvalidScenario = "InvalidScenario";

    /// <summary>uploadScenario: the server's library holds its maximum number of files.</summary>
    public const string LibraryFull = "LibraryFull";
    public const string UnknownCode = "UnknownCode";
    public const string RateLimited = "RateLimited";

    /// <summary>A seat secret, seat or seat request the class does not know (or no longer: moved on, answered, released).</summary>
    public const string UnknownSeat = "UnknownSeat";
    public const string ServerError = "ServerError";

    /// <summary>getEndScreen: the player's game has not ended, so nothing of the other parties is shown yet.</summary>
    public const string GameNotEnded = "GameNotEnded";

    /// <summary>Another node wrote to the game at the same moment; the same command again, with the same id, counts once.</summary>
    public const string Conflict = "Conflict";
}
