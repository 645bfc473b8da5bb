namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// A class session: <paramref name="GameCount"/> parallel games of one scenario, with their clock settings and how far
/// behind the live game spectators watch (<paramref name="SpectatorDelaySeconds"/>, 0 for live), and how many students
/// may hold one role of one game (<paramref name="MaxSeatsPerRole"/>, 1 to <see cref="MostSeatsPerRole"/>).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.CreateClassRequest")]
public sealed record CreateClassRequest(
    [property: Id(0)] string Title,
    [property: Id(1)] string ScenarioJson,
    [property: Id(2)] int GameCount,
    [property: Id(3)] int BriefingSeconds,
    [property: Id(4)] int RoundSeconds,
    [property: Id(5)] int Seed,
    [property: Id(6)] int SpectatorDelaySeconds = 0,
    [property: Id(7)] int MaxSeatsPerRole = CreateClassRequest.DefaultSeatsPerRole)
{
    /// <summary>How many students may hold one role of one game (a team) unless the class says otherwise.</summary>
    public const int DefaultSeatsPerRole = 5;

    /// <summary>The largest team a class may allow.</summary>
    public const int MostSeatsPerRole = 50;
}
