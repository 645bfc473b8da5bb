namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// When the SQLite store copies its WAL into the database file (<see cref="WalCheckpointer"/>): a checkpoint in the
/// background after every <see cref="BytesPerCheckpoint"/> bytes of appends; once the WAL holds
/// <see cref="FramesBeforeRestart"/> pages, more until fewer than <see cref="FramesLeftToWriter"/> arrive during one,
/// and then the writer copies the rest so that the WAL starts over.
/// </summary>
public sealed record SqliteCheckpointing(long BytesPerCheckpoint, int FramesBeforeRestart, int FramesLeftToWriter)
{
    /// <summary>A checkpoint every 4 MB of appends; the WAL starts over at about 64 MB.</summary>
    public static SqliteCheckpointing Default { get; } = new(4 * 1024 * 1024, 16_384, 512);
}
