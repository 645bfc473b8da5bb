namespace NegotiationGame.Storage.Sqlite;

/// <summary>Another process serves the store file (a running server, or an export or import in progress).</summary>
public sealed class StoreInUseException : IOException
{
    public StoreInUseException(string path, int? ownerProcessId, Exception innerException)
        : base(ownerProcessId is { } pid
            ? $"'{path}' is in use by another NegotiationGame process (pid {pid}); stop that process first."
            : $"'{path}' is in use by another NegotiationGame process; stop that process first.", innerException)
    {
        OwnerProcessId = ownerProcessId;
    }

    /// <summary>The process that holds the store, when it could be told.</summary>
    public int? OwnerProcessId { get; }
}
