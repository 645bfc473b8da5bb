using JasperFx;
using JasperFx.Events;
using Marten;
using NegotiationGame.Storage;
using IEventStore = NegotiationGame.Storage.IEventStore;

namespace NegotiationGame.MartenTrial;

/// <summary>
/// <see cref="IEventStore"/> on Marten's event store: each stream is a Marten event stream keyed by our stream id, an
/// entry's sequence is the event's stream version, and Marten's expected-version check refuses appends that do not
/// continue the stream. A trial for docs/performance.md: Marten creates its own tables on first use.
/// </summary>
public sealed class MartenEventStore : IEventStore, IAsyncDisposable
{
    private readonly DocumentStore _store;

    public MartenEventStore(string connectionString)
    {
        _store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.Events.StreamIdentity = StreamIdentity.AsString;
            // Quick appends let the database number the events in one round trip instead of reading the stream first.
            options.Events.AppendMode = EventAppendMode.Quick;
            options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            options.UseSystemTextJsonForSerialization();
            options.Events.AddEventType<MartenLogEntry>();
        });
    }

    /// <summary>Creates Marten's tables and functions now rather than on the first append.</summary>
    public Task CreateSchemaAsync() => _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

    public async Task AppendAsync(string streamId, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = entries.Count == 0 ? 0 : entries[0].Sequence - 1;
        EventStoreRules.EnsureContinues(streamId, Math.Max(previous, 0), entries);

        await using var session = _store.LightweightSession();
        var events = entries.Select(entry => new MartenLogEntry(entry.At, entry.CommandId, entry.Type, entry.Data)).ToArray();
        if (previous == 0)
        {
            session.Events.StartStream(streamId, events);
        }
        else
        {
            // Marten's expected version is the stream's version once these events are in.
            session.Events.Append(streamId, entries[^1].Sequence, events);
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is EventStreamUnexpectedMaxEventIdException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            throw new EventStoreConflictException(streamId, await NextSequenceAsync(streamId, cancellationToken), entries[0].Sequence);
        }
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(string streamId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        if (maxCount <= 0)
        {
            return [];
        }

        await using var session = _store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, version: afterSequence + maxCount, fromVersion: afterSequence + 1, token: cancellationToken);
        return [.. events.Select(ToLoggedEvent)];
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var session = _store.QuerySession();
        var streams = await session.AdvancedSql.QueryAsync<string>(
            $"select id from {_store.Options.Events.DatabaseSchemaName}.mt_streams where starts_with(id, ?) order by id collate \"C\"",
            cancellationToken,
            prefix);
        return streams;
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private static LoggedEvent ToLoggedEvent(IEvent stored)
    {
        var entry = (MartenLogEntry)stored.Data;
        return new LoggedEvent(stored.Version, entry.At, entry.CommandId, entry.Type, entry.Data);
    }

    private async Task<long> NextSequenceAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var session = _store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(streamId, cancellationToken);
        return (state?.Version ?? 0) + 1;
    }
}
