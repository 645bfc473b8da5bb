using System.Collections.Immutable;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// An issue's region on its group's schematic map: a closed outline in the map's own units (0 to
/// <see cref="MaxCoordinate"/> across and down). Only the board draws it; the rules never read it.
/// </summary>
public sealed record MapShape(ImmutableArray<MapPoint> Points)
{
    public const double MaxCoordinate = 100;
    public const int MinPoints = 3;
    public const int MaxPoints = 64;
}

/// <summary>One corner of a <see cref="MapShape"/>; y grows downwards, as on screen.</summary>
public readonly record struct MapPoint(double X, double Y);
