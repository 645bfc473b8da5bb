using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NegotiationGame.Contracts;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.EventLog;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage;

namespace NegotiationGame.Benchmarks;

/// <summary>
/// What a game grain does with a command besides messaging and storage: decide it with the core, encode its events
/// as log entries, and apply them to the game's record. The commands are alternating counter-offers between the
/// United States and Russia (a counter-offer rejects the standing offer and tables another: two events), in a game
/// that already holds <see cref="OffersBefore"/> offers, as the load test plays them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 5, iterationCount: 20, invocationCount: 1)]
public class CommandPathBenchmark
{
    private const int Commands = 10_000;

    private static readonly DateTimeOffset At = new(2025, 2, 12, 10, 0, 0, TimeSpan.Zero);

    private Package[] _packages = null!;
    private GameRecord _record = null!;
    private int _standing;
    private int _nextParty;

    [Params(10, 10_000)]
    public int OffersBefore { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BundledScenarios.Load(BundledScenarios.Default);
        var space = new OutcomeSpace(scenario);
        var random = new Random(20251126);
        _packages = [.. Enumerable.Range(0, 512).Select(_ => space.ToPackage(random.NextInt64(space.Count)))];
    }

    [IterationSetup]
    public void StartGame()
    {
        var header = GameCreatedCodec.Create(BundledScenarios.FindJson(BundledScenarios.Default)!, 1, ImmutableDictionary<string, string>.Empty, GameTiming.Manual);
        _record = GameRecord.Start(new LoggedEvent(1, At, Guid.NewGuid(), GameCreated.TypeName, GameCreatedCodec.Encode(header)));
        Run(new StartNegotiation(At));
        Run(new TableOffer(0, _packages[0], PartySet.Of(1), null));
        _standing = 1;
        _nextParty = 1;
        for (var turn = 1; turn < OffersBefore; turn++)
        {
            CounterOffer(turn);
        }
    }

    [Benchmark(OperationsPerInvoke = Commands)]
    public long CounterOffers()
    {
        for (var turn = 0; turn < Commands; turn++)
        {
            CounterOffer(turn);
        }

        return _record.LastSequence;
    }

    private void CounterOffer(int turn)
    {
        Run(new CounterOffer(_nextParty, _standing, _packages[turn % _packages.Length], null, null));
        _standing = _record.State.Offers.Count;
        _nextParty = 1 - _nextParty;
    }

    private void Run(GameCommand command)
    {
        var decision = GameRules.Decide(_record.State, command);
        if (!decision.IsAccepted)
        {
            throw new InvalidOperationException(decision.Violation.Message);
        }

        // Ids as a client makes them, one per command; a random GUID would add a system call the grain never makes.
        var commandId = new Guid((int)_record.LastSequence, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8);
        var entries = new LoggedEvent[decision.Events.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var (type, data) = _record.Codec.Encode(decision.Events[i]);
            entries[i] = new LoggedEvent(_record.LastSequence + 1 + i, At, commandId, type, data);
        }

        for (var i = 0; i < entries.Length; i++)
        {
            _record.Apply(entries[i], decision.Events[i]);
        }
    }
}
