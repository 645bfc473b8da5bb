namespace NegotiationGame.Host.Access;

/// <summary>
/// What a token lets its bearer do: an instructor acts anywhere in a class; a player acts for one party of one game
/// from one seat; a spectator watches one game.
/// </summary>
public sealed record AccessGrant(AccessRole Role, string ClassId, string? GameId, string? PartyId, Guid? SeatId)
{
    public bool MayWatch(string gameId) => Role == AccessRole.Instructor
        ? gameId.StartsWith(ClassId + "-", StringComparison.Ordinal)
        : GameId == gameId;
}
