namespace NegotiationGame.Storage;

/// <summary>An append did not continue its stream: another writer got there first, or the caller skipped a number.</summary>
public sealed class EventStoreConflictException : Exception
{
    public EventStoreConflictException(string streamId, long expectedNext, long attempted)
        : base($"Stream '{streamId}' continues at {expectedNext}; an append starting at {attempted} was refused.")
    {
        StreamId = streamId;
    }

    public string StreamId { get; }
}
