namespace NegotiationGame.Storage.Sqlite;

/// <summary>A game's next deadline (or none) waiting for the writer, to be committed and fsynced like an append.</summary>
internal sealed class PendingDeadline(string gameId, DateTimeOffset? deadline) : PendingWrite
{
    public string GameId { get; } = gameId;

    public DateTimeOffset? Deadline { get; } = deadline;
}
