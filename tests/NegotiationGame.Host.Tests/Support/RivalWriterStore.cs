using NegotiationGame.Storage;

namespace NegotiationGame.Host.Tests.Support;

/// <summary>
/// The server's event store with a rival beside it: once told to, the rival (another node holding the same game, as
/// during a membership change) writes the next append's entries to that stream first, under its own command ids, so
/// that the server's own append meets the store's real conflict.
/// </summary>
internal sealed class RivalWriterStore(IEventStore inner) : IEventStore
{
    private string? _rivalStream;

    /// <summary>The next append to <paramref name="streamId"/> loses its race to the rival.</summary>
    public void LoseNextAppendTo(string streamId) => Volatile.Write(ref _rivalStream, streamId);

    public async Task AppendAsync(string streamId, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken = default)
    {
        var rivalStream = Volatile.Read(ref _rivalStream);
        if (rivalStream == streamId && ReferenceEquals(Interlocked.CompareExchange(ref _rivalStream, null, rivalStream), rivalStream))
        {
            await inner.AppendAsync(streamId, [.. entries.Select(entry => entry with { CommandId = Guid.NewGuid() })], cancellationToken);
        }

        await inner.AppendAsync(streamId, entries, cancellationToken);
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadAsync(string streamId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(streamId, afterSequence, maxCount, cancellationToken);

    public Task<IReadOnlyList<string>> ListStreamsAsync(string prefix, CancellationToken cancellationToken = default) =>
        inner.ListStreamsAsync(prefix, cancellationToken);
}
