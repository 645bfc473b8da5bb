using System.Collections.Immutable;
using System.Text.Json;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>Reads an issue's optional <c>map</c> and checks that a group is drawn as a map whole or not at all.</summary>
internal static class MapShapeReader
{
    /// <summary><c>{ "points": [[x, y], …] }</c>, or null with its problems reported.</summary>
    public static MapShape? Read(JsonProblemReader reader, JsonElement element, string path)
    {
        var problemsBefore = reader.ProblemCount;
        if (!reader.ExpectObject(element, path, ["points"], []) || !element.TryGetProperty("points", out var points))
        {
            return null;
        }

        var pointsPath = JsonProblemReader.Child(path, "points");
        if (!reader.ExpectArray(points, pointsPath, MapShape.MinPoints, MapShape.MaxPoints))
        {
            return null;
        }

        var corners = ImmutableArray.CreateBuilder<MapPoint>();
        var index = 0;
        foreach (var point in points.EnumerateArray())
        {
            var at = JsonProblemReader.Item(pointsPath, index++);
            if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() != 2)
            {
                reader.Report(at, $"must be a point [x, y], found {JsonProblemReader.Describe(point)}");
                continue;
            }

            var x = reader.Number(point[0], JsonProblemReader.Item(at, 0), 0, MapShape.MaxCoordinate);
            var y = reader.Number(point[1], JsonProblemReader.Item(at, 1), 0, MapShape.MaxCoordinate);
            if (x is not null && y is not null)
            {
                corners.Add(new MapPoint(x.Value, y.Value));
            }
        }

        return reader.ProblemCount == problemsBefore ? new MapShape(corners.ToImmutable()) : null;
    }

    /// <summary>
    /// A group whose issues are partly shaped would draw as a map with holes: every issue of a group that has one
    /// shape must have its own.
    /// </summary>
    public static void CheckGroups(JsonProblemReader reader, IReadOnlyList<(string Path, string Id, string? Group, bool HasShape)> issues)
    {
        var shapedGroups = issues.Where(issue => issue.HasShape && issue.Group is not null).Select(issue => issue.Group!).ToHashSet(StringComparer.Ordinal);
        foreach (var issue in issues.Where(issue => !issue.HasShape && issue.Group is not null && shapedGroups.Contains(issue.Group)))
        {
            reader.Report(
                issue.Path,
                $"issue '{issue.Id}' has no map shape, but other issues of group '{issue.Group}' have one: give every issue of a group a shape, or none");
        }
    }
}
