using System.Collections.Immutable;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>An issue's region on its group's schematic map, as the board draws it: <c>{ "points": [[x, y], …] }</c>.</summary>
public sealed record PublicMapShape(ImmutableArray<ImmutableArray<double>> Points)
{
    public static PublicMapShape? Of(MapShape? shape) =>
        shape is null ? null : new PublicMapShape([.. shape.Points.Select(point => ImmutableArray.Create(point.X, point.Y))]);
}
