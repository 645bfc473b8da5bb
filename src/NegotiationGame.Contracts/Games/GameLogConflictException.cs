namespace NegotiationGame.Contracts.Games;

/// <summary>
/// Another activation of the game (on another node, during a membership change) appended to its log first, so this
/// command was not written. The activation that lost has let go of its stale state; the same command sent again, with
/// the same command id, is decided on the log as it now is and counts once.
/// </summary>
[GenerateSerializer]
[Alias("ng.GameLogConflictException")]
public sealed class GameLogConflictException : Exception
{
    public GameLogConflictException(string gameId)
        : base($"Another node wrote to game '{gameId}' at the same moment; send the same command again with the same command id.")
    {
        GameId = gameId;
    }

    [Id(0)]
    public string GameId { get; private set; }
}
