using System.Collections.Immutable;
using System.Reflection;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Scenarios;

/// <summary>The scenarios shipped inside the product (the files of the repository's scenarios/ folder).</summary>
public static class BundledScenarios
{
    private const string Prefix = "scenarios/";
    private const string Extension = ".json";

    public const string Default = "ukraine-2025";

    private static readonly Assembly Assembly = typeof(BundledScenarios).Assembly;

    public static ImmutableArray<string> Names { get; } =
    [
        .. Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Extension, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..^Extension.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The JSON text of a bundled scenario, or null when there is none of that name.</summary>
    public static string? FindJson(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = Assembly.GetManifestResourceStream(Prefix + name + Extension);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads a bundled scenario; a bundled scenario that does not load is a build defect, so this throws.</summary>
    public static Scenario Load(string name) =>
        FindJson(name) is { } json
            ? ScenarioLoader.LoadOrThrow(json, name)
            : throw new ArgumentException($"There is no bundled scenario '{name}' (bundled: {string.Join(", ", Names)}).", nameof(name));
}
