using System.Collections.Concurrent;

namespace NegotiationGame.Storage;

/// <summary>
/// Streams in process memory, packed as bytes (<see cref="PackedStream"/>): for tests and for measuring what
/// durability costs. Nothing survives the process.
/// </summary>
public sealed class InMemoryEventStore : IEventStore, IDeadlineSchedule
{
    private readonly ConcurrentDictionary<string, PackedStream> _streams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _deadlines = new(StringComparer.Ordinal);

    public Task AppendAsync(string streamId, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var stream = _streams.GetOrAdd(streamId, _ => new PackedStream());
        lock (stream)
        {
            try
            {
                EventStoreRules.EnsureContinues(streamId, stream.Count, entries);
            }
            catch (Exception exception) when (exception is EventStoreConflictException or ArgumentException)
            {
                return Task.FromException(exception);
            }

            foreach (var entry in entries)
            {
                stream.Add(entry);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LoggedEvent>> ReadAsync(string streamId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            return Task.FromResult<IReadOnlyList<LoggedEvent>>([]);
        }

        lock (stream)
        {
            var start = (int)Math.Clamp(afterSequence, 0, stream.Count);
            var count = Math.Min(maxCount, stream.Count - start);
            var entries = new LoggedEvent[count];
            for (var i = 0; i < count; i++)
            {
                entries[i] = stream[start + i];
            }

            return Task.FromResult<IReadOnlyList<LoggedEvent>>(entries);
        }
    }

    public Task<IReadOnlyList<string>> ListStreamsAsync(string prefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _streams.Keys.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)]);

    public Task SetDeadlineAsync(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken = default)
    {
        if (deadline is { } due)
        {
            _deadlines[gameId] = due;
        }
        else
        {
            _deadlines.TryRemove(gameId, out _);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GamesDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _deadlines.Where(pair => pair.Value <= until).Select(pair => pair.Key).Order(StringComparer.Ordinal)]);
}
