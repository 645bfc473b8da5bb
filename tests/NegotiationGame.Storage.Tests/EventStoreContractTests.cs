
namespace NegotiationGame.Storage.Tests;

/// <summary>
/// What every event store must do. Each implementation (in memory, SQLite, PostgreSQL) runs this whole suite through
/// a subclass.
/// </summary>
public abstract class EventStoreContractTests
{
    protected abstract IEventStore Store { get; }

    protected static LoggedEvent Entry(long sequence, string type = "Test", Guid? commandId = null) =>
        new(sequence, new DateTimeOffset(2025, 2, 12, 10, 0, 0, TimeSpan.Zero).AddSeconds(sequence), commandId ?? Guid.NewGuid(), type, $"{{\"n\":{sequence}}}");

    [Fact]
    public async Task Appended_entries_read_back_in_order_and_unchanged()
    {
        var entries = new[] { Entry(1, "GameCreated"), Entry(2), Entry(3) };

        await Store.AppendAsync("game/a", entries[..1]);
        await Store.AppendAsync("game/a", entries[1..]);

        Assert.Equal(entries, await Store.ReadAsync("game/a", 0, 100));
        Assert.Equal(entries[1..], await Store.ReadAsync("game/a", 1, 100));
        Assert.Equal(entries[1..2], await Store.ReadAsync("game/a", 1, 1));
        Assert.Empty(await Store.ReadAsync("game/a", 3, 100));
        Assert.Empty(await Store.ReadAsync("game/unknown", 0, 100));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task An_append_that_does_not_continue_the_stream_is_refused_and_writes_nothing(long firstSequence)
    {
        await Store.AppendAsync("game/b", [Entry(1)]);

        await Assert.ThrowsAsync<EventStoreConflictException>(() => Store.AppendAsync("game/b", [Entry(firstSequence), Entry(firstSequence + 1)]));

        Assert.Single(await Store.ReadAsync("game/b", 0, 100));
    }

    [Fact]
    public async Task Entries_within_an_append_must_be_consecutive()
    {
        await Assert.ThrowsAsync<EventStoreConflictException>(() => Store.AppendAsync("game/c", [Entry(1), Entry(3)]));

        Assert.Empty(await Store.ReadAsync("game/c", 0, 100));
    }

    [Fact]
    public async Task Of_concurrent_appends_at_the_same_position_exactly_one_wins()
    {
        await Store.AppendAsync("game/d", [Entry(1)]);

        var attempts = Enumerable.Range(0, 8).Select(_ => Store.AppendAsync("game/d", [Entry(2), Entry(3)])).ToArray();
        var outcomes = await Task.WhenAll(attempts.Select(async attempt =>
        {
            try
            {
                await attempt;
                return true;
            }
            catch (EventStoreConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal([1L, 2L, 3L], (await Store.ReadAsync("game/d", 0, 100)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Streams_are_independent_and_listed_by_prefix()
    {
        await Task.WhenAll(
            Store.AppendAsync("game/x", [Entry(1)]),
            Store.AppendAsync("game/y", [Entry(1), Entry(2)]),
            Store.AppendAsync("class/z", [Entry(1)]));

        Assert.Equal(["game/x", "game/y"], await Store.ListStreamsAsync("game/"));
        Assert.Equal(2, (await Store.ReadAsync("game/y", 0, 100)).Count);
    }

    [Fact]
    public async Task Many_games_appending_at_once_each_keep_a_gap_free_log()
    {
        const int games = 50;
        const int appendsPerGame = 20;
        await Task.WhenAll(Enumerable.Range(0, games).Select(async game =>
        {
            for (var sequence = 1; sequence <= appendsPerGame; sequence++)
            {
                await Store.AppendAsync($"game/load-{game}", [Entry(sequence)]);
            }
        }));

        foreach (var game in Enumerable.Range(0, games))
        {
            Assert.Equal(Enumerable.Range(1, appendsPerGame).Select(n => (long)n), (await Store.ReadAsync($"game/load-{game}", 0, 1000)).Select(e => e.Sequence));
        }
    }

    [Fact]
    public async Task Large_non_ascii_and_many_entries_read_back_unchanged()
    {
        var random = new Random(7);
        var entries = Enumerable.Range(1, 1_500).Select(sequence => new LoggedEvent(
            sequence,
            new DateTimeOffset(2025, 2, 12, 10, 0, 0, TimeSpan.Zero).AddTicks(random.NextInt64(1, 10_000_000_000)),
            new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]),
            sequence % 2 == 0 ? "StatementMade" : "MessageSent",
            sequence == 700
                ? $"{{\"text\":\"{new string('x', 40_000)}\"}}"
                : $"{{\"text\":\"Зеленський, Trump & Macron — «{sequence}» 🕊\"}}")).ToArray();

        foreach (var chunk in entries.Chunk(100))
        {
            await Store.AppendAsync("game/shapes", chunk);
        }

        Assert.Equal(entries, await Store.ReadAsync("game/shapes", 0, 2_000));
        Assert.Equal(entries[699..701], await Store.ReadAsync("game/shapes", 699, 2));
    }
}
