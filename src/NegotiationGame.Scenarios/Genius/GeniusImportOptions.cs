namespace NegotiationGame.Scenarios.Genius;

/// <summary>What the scenario format needs and GENIUS does not say; every default is documented in docs/scenario-format.md.</summary>
public sealed record GeniusImportOptions
{
    public const int DefaultRounds = 10;

    /// <summary>The scenario id; null derives it from the domain file's name.</summary>
    public string? ScenarioId { get; init; }

    /// <summary>One display name per profile, in order; empty derives each from its profile file's name.</summary>
    public IReadOnlyList<string> PartyNames { get; init; } = [];

    /// <summary>Rounds of the game; GENIUS's discount over the whole negotiation is spread over them.</summary>
    public int Rounds { get; init; } = DefaultRounds;
}
