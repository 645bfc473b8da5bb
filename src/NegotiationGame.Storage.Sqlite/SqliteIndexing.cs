namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// When the SQLite store writes its stream index: once <see cref="BatchSize"/> events wait to be indexed, or once the
/// writer has had nothing to write for <see cref="IdleDelay"/>. Larger batches cost less per event and leave more
/// for readers and the next opening to merge in.
/// </summary>
public sealed record SqliteIndexing(int BatchSize, TimeSpan IdleDelay)
{
    public static SqliteIndexing Default { get; } = new(32_768, TimeSpan.FromSeconds(1));
}
