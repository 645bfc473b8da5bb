using NegotiationGame.Contracts.Classes;

namespace NegotiationGame.Host.Access;

/// <summary>
/// What a token lets its bearer do: an instructor acts anywhere in a class; a player acts for one party of one game
/// from one seat; a spectator watches one game. An instructor grant is valid only while its
/// <paramref name="InstructorGeneration"/> is the class's current one: issuing a new instructor link moves it on. A
/// player grant is valid only while its seat is still on the roster, in the same role, at <paramref name="SeatGeneration"/>:
/// moving the seat or handing it to another device moves that on.
/// </summary>
public sealed record AccessGrant(AccessRole Role, string ClassId, string? GameId, string? PartyId, Guid? SeatId, int InstructorGeneration = 0, int SeatGeneration = 0)
{
    public bool MayWatch(string gameId) => Role == AccessRole.Instructor
        ? gameId.StartsWith(ClassId + "-", StringComparison.Ordinal)
        : GameId == gameId;

    /// <summary>Whether <paramref name="seat"/>, as the class has it now (null: off the roster), still gives this player grant its rights.</summary>
    public bool IsHeldBy(Seat? seat) =>
        seat is not null && (seat.GameId, seat.PartyId, seat.Generation) == (GameId, PartyId, SeatGeneration);
}
