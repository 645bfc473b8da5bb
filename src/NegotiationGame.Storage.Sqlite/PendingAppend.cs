
namespace NegotiationGame.Storage.Sqlite;

/// <summary>An append waiting for the writer: its entries already encoded as one frame (by the caller's thread, not the writer's).</summary>
internal sealed class PendingAppend(string streamId, IReadOnlyList<LoggedEvent> entries) : PendingWrite
{
    public string StreamId { get; } = streamId;

    public long FirstSequence { get; } = entries[0].Sequence;

    public long LastSequence { get; } = entries[^1].Sequence;

    public byte[] Frame { get; } = AppendFrame.Encode(entries);
}
