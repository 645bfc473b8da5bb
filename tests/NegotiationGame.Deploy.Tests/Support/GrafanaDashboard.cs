using System.Text.Json;
using System.Text.RegularExpressions;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>deploy/grafana/dashboards/negotiationgame.json: its panels, their queries and the series those name.</summary>
internal static partial class GrafanaDashboard
{
    public static IReadOnlyList<JsonElement> Panels()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("deploy/grafana/dashboards/negotiationgame.json")));
        return [.. dashboard.RootElement.GetProperty("panels").EnumerateArray().Select(panel => panel.Clone())];
    }

    public static IEnumerable<string> Queries() =>
        Panels().SelectMany(panel => panel.GetProperty("targets").EnumerateArray()).Select(target => target.GetProperty("expr").GetString()!);

    /// <summary>Every series a query names (the product's and Orleans'), once each.</summary>
    public static IReadOnlyList<string> Series() =>
        [.. Queries().SelectMany(query => SeriesName().Matches(query).Select(match => match.Value)).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"\b(negotiationgame|orleans)_[a-z0-9_]+")]
    private static partial Regex SeriesName();
}
