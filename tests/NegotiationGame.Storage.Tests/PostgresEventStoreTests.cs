using NegotiationGame.Storage.Postgres;
using Npgsql;
using NegotiationGame.Tests;

namespace NegotiationGame.Storage.Tests;

/// <summary>The contract and the PostgreSQL store's own promises, each test on a fresh, migrated database.</summary>
public sealed class PostgresEventStoreTests : EventStoreContractTests, IAsyncLifetime
{
    private TemporaryPostgresDatabase _database = null!;
    private PostgresEventStore _store = null!;

    protected override IEventStore Store => _store;

    public async Task InitializeAsync()
    {
        _database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(_database.ConnectionString);
        _store = new PostgresEventStore(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Entries_and_deadlines_survive_a_new_store_on_the_same_database()
    {
        var entries = new[] { Entry(1, "GameCreated"), Entry(2) };
        var due = new DateTimeOffset(2025, 2, 12, 11, 0, 0, TimeSpan.FromHours(1)).AddTicks(7);
        await _store.AppendAsync("game/durable", entries);
        await _store.SetDeadlineAsync("durable", due);
        await _store.DisposeAsync();

        _store = new PostgresEventStore(_database.ConnectionString);

        var read = await _store.ReadAsync("game/durable", 0, 10);
        Assert.Equal(entries, read);
        Assert.Equal(entries.Select(e => e.At.Offset), read.Select(e => e.At.Offset));
        Assert.Equal(["durable"], await _store.GamesDueAsync(due));
        await _store.AppendAsync("game/durable", [Entry(3)]);
        await Assert.ThrowsAsync<EventStoreConflictException>(() => _store.AppendAsync("game/durable", [Entry(3)]));
    }

    [Fact]
    public async Task The_schedule_keeps_one_deadline_per_game_and_lists_those_due_by_a_time()
    {
        var noon = new DateTimeOffset(2025, 2, 12, 12, 0, 0, TimeSpan.Zero);
        await Task.WhenAll(
            _store.SetDeadlineAsync("a", noon),
            _store.SetDeadlineAsync("b", noon.AddMinutes(5)),
            _store.SetDeadlineAsync("c", noon.AddMinutes(10)));
        await _store.SetDeadlineAsync("b", noon.AddMinutes(20));
        await _store.SetDeadlineAsync("c", null);
        await _store.SetDeadlineAsync("never-set", null);

        Assert.Empty(await _store.GamesDueAsync(noon.AddTicks(-1)));
        Assert.Equal(["a"], await _store.GamesDueAsync(noon));
        Assert.Equal(["a"], await _store.GamesDueAsync(noon.AddMinutes(19)));
        Assert.Equal(["a", "b"], await _store.GamesDueAsync(noon.AddMinutes(20).ToOffset(TimeSpan.FromHours(-5))));
    }

    [Fact]
    public async Task Concurrent_appends_share_commits()
    {
        const int games = 200;
        var before = _store.Commits;

        await Task.WhenAll(Enumerable.Range(0, games).Select(game => _store.AppendAsync($"game/group-{game}", [Entry(1)])));

        Assert.InRange(_store.Commits - before, 1, games - 1);
    }

    [Fact]
    public async Task A_refused_append_in_a_shared_commit_does_not_affect_the_others()
    {
        await _store.AppendAsync("game/shared", [Entry(1)]);

        var good = Enumerable.Range(0, 20).Select(game => _store.AppendAsync($"game/shared-{game}", [Entry(1)])).ToList();
        var stale = _store.AppendAsync("game/shared", [Entry(1)]);
        var ahead = _store.AppendAsync("game/shared", [Entry(5)]);

        await Task.WhenAll(good);
        var refused = await Assert.ThrowsAsync<EventStoreConflictException>(() => stale);
        Assert.Contains("continues at 2", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<EventStoreConflictException>(() => ahead);
        Assert.Single(await _store.ReadAsync("game/shared", 0, 10));
        Assert.Equal(21, (await _store.ListStreamsAsync("game/shared")).Count);
    }

    [Fact]
    public async Task A_new_stream_must_start_at_one()
    {
        await Assert.ThrowsAsync<EventStoreConflictException>(() => _store.AppendAsync("game/late", [Entry(2)]));

        Assert.Empty(await _store.ListStreamsAsync("game/late"));
    }

    [Fact]
    public async Task Two_stores_racing_on_one_stream_never_both_win_a_position_and_leave_a_gap_free_log()
    {
        const int rounds = 100;
        await using var other = new PostgresEventStore(_database.ConnectionString);
        var winners = new List<Guid>();
        for (var sequence = 1; sequence <= rounds; sequence++)
        {
            var mine = Entry(sequence);
            var theirs = Entry(sequence);
            var outcomes = await Task.WhenAll(TryAppend(_store, mine), TryAppend(other, theirs));

            Assert.Equal(1, outcomes.Count(won => won));
            winners.Add(outcomes[0] ? mine.CommandId : theirs.CommandId);
        }

        var log = await other.ReadAsync("game/race", 0, rounds * 2);
        Assert.Equal(Enumerable.Range(1, rounds).Select(n => (long)n), log.Select(e => e.Sequence));
        Assert.Equal(winners, log.Select(e => e.CommandId));
        Assert.Equal((long)rounds, await _database.ExecuteAsync("SELECT count(*) FROM negotiationgame_events WHERE stream_id = 'game/race'"));
    }

    [Fact]
    public async Task After_the_server_drops_the_stores_connections_an_append_fails_as_retryable_or_succeeds_and_the_log_keeps_it_once()
    {
        await _store.AppendAsync("game/cut", [Entry(1)]);
        Assert.True((long)(await _database.ExecuteAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"))! > 0);
        await _database.ExecuteAsync(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");

        var second = Entry(2);
        try
        {
            await _store.AppendAsync("game/cut", [second]);
        }
        catch (NpgsqlException)
        {
            // The batch was on a dropped connection: nothing of it was written, so the same append goes through now.
            await _store.AppendAsync("game/cut", [second]);
        }

        Assert.Equal([Entry(1).Sequence, second.Sequence], (await _store.ReadAsync("game/cut", 0, 10)).Select(e => e.Sequence));
        Assert.Equal(second.CommandId, (await _store.ReadAsync("game/cut", 1, 10))[0].CommandId);
    }

    private static async Task<bool> TryAppend(PostgresEventStore store, LoggedEvent entry)
    {
        try
        {
            await store.AppendAsync("game/race", [entry]);
            return true;
        }
        catch (EventStoreConflictException)
        {
            return false;
        }
    }
}
