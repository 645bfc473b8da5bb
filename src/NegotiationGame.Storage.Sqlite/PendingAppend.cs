using NegotiationGame.Contracts;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>An append waiting for the writer, and the task its caller awaits.</summary>
internal sealed record PendingAppend(string StreamId, IReadOnlyList<LoggedEvent> Entries)
{
    /// <summary>Completed on a thread-pool thread, never on the writer's or the fsync thread's, so continuations may run inline.</summary>
    public TaskCompletionSource Completion { get; } = new();
}
