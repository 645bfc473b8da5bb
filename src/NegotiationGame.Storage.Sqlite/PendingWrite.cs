namespace NegotiationGame.Storage.Sqlite;

/// <summary>A write waiting for the writer (an append, or a change to the deadline schedule), and the task its caller awaits.</summary>
internal abstract class PendingWrite : TaskCompletionSource
{
    /// <summary>Why the write failed, once the writer knows; null while it is going well.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Tells the caller how the write went. Called on a thread-pool thread, never the writer's or the fsync thread.</summary>
    public void Finish()
    {
        // Before the caller's continuation, which runs inline here, so that the measurement ends at the acknowledgement.
        OnFinishing();
        if (Failure is { } failure)
        {
            TrySetException(failure);
        }
        else
        {
            TrySetResult();
        }
    }

    /// <summary>Runs just before the caller is told, with <see cref="Failure"/> final.</summary>
    protected virtual void OnFinishing()
    {
    }
}
