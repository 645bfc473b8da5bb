namespace NegotiationGame.Contracts.Classes;

/// <summary>A class session: <paramref name="GameCount"/> parallel games of one scenario, with their clock settings.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.CreateClassRequest")]
public sealed record CreateClassRequest(
    [property: Id(0)] string Title,
    [property: Id(1)] string ScenarioJson,
    [property: Id(2)] int GameCount,
    [property: Id(3)] int BriefingSeconds,
    [property: Id(4)] int RoundSeconds,
    [property: Id(5)] int Seed);
