using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>
/// The scenario file (its JSON, and the scenario that JSON loads as), or why there is none. Notes say where the
/// conversion is not exact (values rounded to whole points, a discount the scenario treats differently), so that
/// nothing changes without the user being told.
/// </summary>
public sealed class GeniusImportResult
{
    private GeniusImportResult(string? json, Scenario? scenario, ImmutableArray<GeniusImportProblem> problems, ImmutableArray<string> notes)
    {
        Json = json;
        Scenario = scenario;
        Problems = problems;
        Notes = notes;
    }

    public string? Json { get; }

    public Scenario? Scenario { get; }

    public ImmutableArray<GeniusImportProblem> Problems { get; }

    public ImmutableArray<string> Notes { get; }

    [MemberNotNullWhen(true, nameof(Json), nameof(Scenario))]
    public bool Succeeded => Json is not null && Scenario is not null;

    internal static GeniusImportResult Success(string json, Scenario scenario, IEnumerable<string> notes) => new(json, scenario, [], [.. notes]);

    internal static GeniusImportResult Failure(IEnumerable<GeniusImportProblem> problems) => new(null, null, [.. problems], []);
}
