using System.Collections.Immutable;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains.Tests;

/// <summary>Command ids belong to their sender: nobody can freeze the clock or drop another's command by reusing one.</summary>
public sealed class CommandIdentityTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly ImmutableDictionary<string, string> NoBots = ImmutableDictionary<string, string>.Empty;
    private readonly InMemoryEventStore _store = new();
    private GameCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await GameCluster.StartAsync(_store);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_statement_sent_under_the_deadlines_id_does_not_stop_the_clock()
    {
        await _cluster.CreateAsync("freeze-1", seed: 1, bots: NoBots, roundSeconds: 2);
        await _cluster.ExecuteAsync("freeze-1", Actors.Instructor, new StartNegotiationBody());
        var deadline = (await _cluster.Game("freeze-1").GetSummary()).Deadline!.Value;

        // The attack of issue 9: the id the clock used to log this deadline under, derived from the deadline alone.
        var attack = await _cluster.ExecuteAsync("freeze-1", "us", new MakeStatementBody("Time stands still."), FormerDeadlineCommandId(deadline));
        await _cluster.WaitForAsync("freeze-1", s => s.Round >= 2, Patience);

        // And the id a watcher sees on the logged DeadlinePassed, sent before the next deadline.
        var passed = (await ReadAllAsync("freeze-1")).First(e => e.Type == "DeadlinePassed");
        var replay = await _cluster.ExecuteAsync("freeze-1", "russia", new MakeStatementBody("Again."), passed.CommandId);
        var moved = await _cluster.WaitForAsync("freeze-1", s => s.Round >= 3, Patience);

        Assert.True(attack.Accepted);
        Assert.True(replay.Accepted);
        Assert.Equal(3, moved.Round);
        Assert.Equal(2, (await ReadAllAsync("freeze-1")).Count(e => e.Type == "StatementMade"));
    }

    [Fact]
    public async Task Another_partys_command_under_an_id_already_used_in_the_game_is_decided_not_dropped()
    {
        await StartManualGameAsync("reuse-1");
        var commandId = Guid.NewGuid();

        var statement = await _cluster.ExecuteAsync("reuse-1", "us", new MakeStatementBody("We open the talks."), commandId);
        var offer = await _cluster.ExecuteAsync("reuse-1", "russia", Offer("ukraine"), commandId);
        var instructor = await _cluster.ExecuteAsync("reuse-1", Actors.Instructor, new InjectNewsBody("Talks in Riyadh", ""), commandId);

        Assert.True(statement.Accepted);
        Assert.True(offer.Accepted);
        Assert.True(instructor.Accepted);
        var log = await ReadAllAsync("reuse-1");
        Assert.Single(log, e => e.Type == "OfferTabled");
        Assert.Single(log, e => e.Type == "NewsInjected");
    }

    [Fact]
    public async Task An_id_reused_by_its_sender_for_another_command_is_refused_and_the_same_command_is_acknowledged_again()
    {
        await StartManualGameAsync("dup-1");
        var commandId = Guid.NewGuid();
        var first = await _cluster.ExecuteAsync("dup-1", "us", Offer("ukraine"), commandId);
        var lengthAfterFirst = (await ReadAllAsync("dup-1")).Count;

        var other = await _cluster.ExecuteAsync("dup-1", "us", Offer("russia"), commandId);
        var otherType = await _cluster.ExecuteAsync("dup-1", "us", new MakeStatementBody("Something else."), commandId);
        var retry = await _cluster.ExecuteAsync("dup-1", "us", Offer("ukraine"), commandId);

        Assert.True(first.Accepted);
        Assert.Equal(ServiceErrorCodes.DuplicateCommandId, other.ErrorCode);
        Assert.Equal(ServiceErrorCodes.DuplicateCommandId, otherType.ErrorCode);
        Assert.Equal(first, retry);
        Assert.Equal(lengthAfterFirst, (await ReadAllAsync("dup-1")).Count);
    }

    [Fact]
    public async Task The_same_package_in_another_order_is_the_same_command()
    {
        await StartManualGameAsync("order-1");
        var commandId = Guid.NewGuid();
        var package = ImmutableDictionary<string, string>.Empty.Add("minerals", "share-25").Add("sanctions", "kept");
        var reordered = ImmutableDictionary<string, string>.Empty.Add("sanctions", "kept").Add("minerals", "share-25");

        var first = await _cluster.ExecuteAsync("order-1", "us", new TableOfferBody(package, ["ukraine", "eu"], null), commandId);
        var retry = await _cluster.ExecuteAsync("order-1", "us", new TableOfferBody(reordered, ["eu", "ukraine"], null), commandId);

        Assert.True(first.Accepted);
        Assert.Equal(first, retry);
        Assert.Single(await ReadAllAsync("order-1"), e => e.Type == "OfferTabled");
    }

    [Fact]
    public async Task An_id_the_server_chose_never_meets_one_a_client_chose()
    {
        await _cluster.CreateAsync("origin-1", seed: 1, bots: NoBots);
        var commandId = Guid.NewGuid();

        // A client that learnt (or guessed) an id the server uses, and took it first for something else.
        var client = await _cluster.Game("origin-1").Execute(new GameCommandRequest(commandId, Actors.Instructor, new InjectNewsBody("First", "")));
        var server = await _cluster.Game("origin-1").Execute(new GameCommandRequest(commandId, Actors.Instructor, new StartNegotiationBody(), CommandOrigin.Server));
        var serverAgain = await _cluster.Game("origin-1").Execute(new GameCommandRequest(commandId, Actors.Instructor, new StartNegotiationBody(), CommandOrigin.Server));

        Assert.True(client.Accepted);
        Assert.True(server.Accepted);
        Assert.Equal(server, serverAgain);
        Assert.Equal("Negotiation", (await _cluster.Game("origin-1").GetSummary()).Phase);
    }

    [Fact]
    public async Task Ids_are_remembered_across_a_reactivation_from_the_log()
    {
        await StartManualGameAsync("remember-1");
        var commandId = Guid.NewGuid();
        var first = await _cluster.ExecuteAsync("remember-1", "us", Offer("ukraine"), commandId);
        await _cluster.DisposeAsync();
        _cluster = await GameCluster.StartAsync(_store);

        var retry = await _cluster.ExecuteAsync("remember-1", "us", Offer("ukraine"), commandId);
        var other = await _cluster.ExecuteAsync("remember-1", "us", Offer("eu"), commandId);

        Assert.True(retry.Accepted);
        Assert.Equal(first.LastSequence, retry.LastSequence);
        Assert.Equal(ServiceErrorCodes.DuplicateCommandId, other.ErrorCode);
    }

    /// <summary>How the game grain derived a deadline's command id before ids were scoped to their sender.</summary>
    private static Guid FormerDeadlineCommandId(DateTimeOffset deadline)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, deadline.UtcTicks);
        BitConverter.TryWriteBytes(bytes[8..], 0x646561646C696E65L);
        return new Guid(bytes);
    }

    private static TableOfferBody Offer(string addressee) =>
        new(ImmutableDictionary<string, string>.Empty.Add("minerals", "share-25"), [addressee], null);

    private async Task StartManualGameAsync(string gameId)
    {
        await _cluster.CreateAsync(gameId, seed: 1, bots: NoBots);
        await _cluster.ExecuteAsync(gameId, Actors.Instructor, new StartNegotiationBody());
    }

    private Task<IReadOnlyList<LoggedEvent>> ReadAllAsync(string gameId) => _store.ReadAsync(EventStreams.Game(gameId), 0, 10_000);
}
