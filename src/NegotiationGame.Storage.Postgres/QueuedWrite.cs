using Npgsql;

namespace NegotiationGame.Storage.Postgres;

/// <summary>
/// One statement waiting for the writer, built by its caller's thread; the task completes with the number of rows
/// the statement changed once the commit that holds it is durable.
/// </summary>
internal sealed class QueuedWrite(NpgsqlBatchCommand command) : TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public NpgsqlBatchCommand Command { get; } = command;
}
