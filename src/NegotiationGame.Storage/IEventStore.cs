
namespace NegotiationGame.Storage;

/// <summary>
/// Append-only streams of log entries: the system of record. A stream is a game's log (or a class session's).
/// Implementations must make an append durable before its task completes, and keep every stream gap-free.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="entries"/>, which must continue the stream exactly (the first one's sequence is one
    /// more than the stream's last); otherwise nothing is written and <see cref="EventStoreConflictException"/> is thrown.
    /// </summary>
    Task AppendAsync(string streamId, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken = default);

    /// <summary>Entries with a sequence greater than <paramref name="afterSequence"/>, in order, at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<LoggedEvent>> ReadAsync(string streamId, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Ids of the streams whose id starts with <paramref name="prefix"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListStreamsAsync(string prefix, CancellationToken cancellationToken = default);
}
