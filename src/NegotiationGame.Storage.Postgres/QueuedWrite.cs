using System.Diagnostics;
using Npgsql;

namespace NegotiationGame.Storage.Postgres;

/// <summary>
/// One statement waiting for the writer, built by its caller's thread; the task completes with the number of rows
/// the statement changed once the commit that holds it is durable. An append's carries the context of its span, so
/// that the commit that serves it can be found from its trace.
/// </summary>
internal sealed class QueuedWrite(NpgsqlBatchCommand command, bool isAppend, ActivityContext span) : TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public NpgsqlBatchCommand Command { get; } = command;

    /// <summary>Whether this is an append (and not a change to the deadline schedule).</summary>
    public bool IsAppend { get; } = isAppend;

    /// <summary>The span of the append this write is, or the default when it is not traced (or not an append).</summary>
    public ActivityContext Span { get; } = span;
}
