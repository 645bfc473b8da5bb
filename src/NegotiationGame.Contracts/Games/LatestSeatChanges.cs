using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// The latest change of each seat heard, for as many seats as a class could ever hold: what a game tells a host that
/// registers late, and what a host checks a new watcher against. Not thread-safe: its owner serialises access.
/// </summary>
public sealed class LatestSeatChanges
{
    /// <summary>More seats than a class's roster; a seat already known is always updated.</summary>
    public const int MaxSeats = 1_024;

    private readonly Dictionary<Guid, SeatChange> _latest = [];

    public bool IsEmpty => _latest.Count == 0;

    public ImmutableArray<SeatChange> All => [.. _latest.Values];

    public void Note(IEnumerable<SeatChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (_latest.Count < MaxSeats || _latest.ContainsKey(change.SeatId))
            {
                _latest[change.SeatId] = change;
            }
        }
    }

    /// <summary>The latest change heard of the seat, or null when none was.</summary>
    public SeatChange? Of(Guid seatId) => _latest.GetValueOrDefault(seatId);
}
