namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// When the SQLite store writes its stream index. Once <see cref="BatchSize"/> appends wait, they are sealed into a
/// generation that the following commits index a slice each (at least <see cref="MinimumSlice"/> appends, sorted by
/// stream so that a slice fills few index pages); once the writer has had nothing to write for
/// <see cref="IdleDelay"/>, it indexes everything that waits. Larger generations cost less per append and leave more
/// for readers and the next opening to merge in.
/// </summary>
public sealed record SqliteIndexing(int BatchSize, TimeSpan IdleDelay, int MinimumSlice = 256)
{
    public static SqliteIndexing Default { get; } = new(32_768, TimeSpan.FromSeconds(1));
}
