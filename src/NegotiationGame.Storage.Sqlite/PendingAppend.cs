using NegotiationGame.Contracts;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// An append waiting for the writer: its entries already encoded as one frame (by the caller's thread, not the
/// writer's), and the task its caller awaits.
/// </summary>
internal sealed class PendingAppend(string streamId, IReadOnlyList<LoggedEvent> entries) : TaskCompletionSource
{
    public string StreamId { get; } = streamId;

    public long FirstSequence { get; } = entries[0].Sequence;

    public long LastSequence { get; } = entries[^1].Sequence;

    public byte[] Frame { get; } = AppendFrame.Encode(entries);

    /// <summary>Why the append failed, once the writer knows; null while it is going well.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Tells the caller how the append went. Called on a thread-pool thread, never the writer's or the fsync thread.</summary>
    public void Finish()
    {
        if (Failure is { } failure)
        {
            TrySetException(failure);
        }
        else
        {
            TrySetResult();
        }
    }
}
