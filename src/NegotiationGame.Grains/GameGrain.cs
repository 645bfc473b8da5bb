using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.EventLog;
using NegotiationGame.Storage;
using Orleans.Utilities;

namespace NegotiationGame.Grains;

/// <summary>
/// One game. Its state is the fold of its log, rebuilt from the store on activation; a command is decided by the
/// core, its events (and the bots' answers) are appended to the store, and only then applied and acknowledged.
/// The game's clock is a grain timer while the game is active and a row in the deadline schedule always, so that a
/// deadline still fires after a deactivation or a restart.
/// </summary>
public sealed partial class GameGrain(
    IEventStore store,
    IDeadlineSchedule schedule,
    [FromKeyedServices(GameClock.Key)] TimeProvider clock,
    ILogger<GameGrain> logger)
    : Grain, IGameGrain
{
    private const int ReadPageSize = 1_000;

    // Hosts renew every few seconds (GameEventRelay), so a host that went away stops costing notifications soon.
    private readonly ObserverManager<IGameObserver> _observers = new(TimeSpan.FromSeconds(30), logger);
    private readonly HashSet<string> _spectators = new(StringComparer.Ordinal);
    private GameRecord? _record;
    private GameDeadlines? _deadlines;
    private string? _gameId;
    private string? _streamId;

    private string GameId => _gameId ??= this.GetPrimaryKeyString();

    private string StreamId => _streamId ??= EventStreams.Game(GameId);

    private GameDeadlines Deadlines => _deadlines ??= new GameDeadlines(this, GameId, schedule, clock, logger, () => _record?.State, OnWakeAsync);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var log = new List<LoggedEvent>();
        while (true)
        {
            var page = await store.ReadAsync(StreamId, log.Count, ReadPageSize, cancellationToken);
            log.AddRange(page);
            if (page.Count < ReadPageSize)
            {
                break;
            }
        }

        _record = log.Count == 0 ? null : GameRecord.Replay(log);
        if (_record is not null)
        {
            LogRestored(logger, GameId, _record.LastSequence);
            Deadlines.Restore(_record.State);
        }

        GameInstruments.Activated();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GameInstruments.Deactivated();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task EnsureClockRunning() => Task.CompletedTask;

    public async Task<long> Subscribe(IGameObserver observer)
    {
        await TellNewHostAsync(observer);
        _observers.Subscribe(observer, observer);
        return _record?.LastSequence ?? 0;
    }

    public Task Unsubscribe(IGameObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task<int> SetSpectator(string watcherKey, bool watching)
    {
        if (watching ? _spectators.Add(watcherKey) : _spectators.Remove(watcherKey))
        {
            var count = _spectators.Count;
            await _observers.Notify(observer => observer.OnSpectators(GameId, count));
        }

        return _spectators.Count;
    }

    public async Task<GameSummary> Create(CreateGameRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timing = new GameTiming(TimeSpan.FromSeconds(request.BriefingSeconds), TimeSpan.FromSeconds(request.RoundSeconds));
        var header = GameCreatedCodec.Create(request.ScenarioJson, request.Seed, request.Bots, timing);
        var data = GameCreatedCodec.Encode(header);
        if (_record is not null)
        {
            return GameCreatedCodec.Encode(_record.Header) == data
                ? Summary(_record)
                : throw new InvalidOperationException($"Game '{GameId}' already exists with other settings.");
        }

        var first = new LoggedEvent(1, clock.GetUtcNow(), Guid.NewGuid(), GameCreated.TypeName, data);
        await AppendOrLetGoAsync([first]);
        _record = GameRecord.Start(first);
        return Summary(_record);
    }

    public Task<CommandOutcome> Execute(GameCommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_record is not { } record)
        {
            return Task.FromResult(CommandOutcome.Refused(0, ServiceErrorCodes.GameNotFound, $"There is no game '{GameId}'."));
        }

        var identity = CommandIdentity.Of(request);
        switch (record.Check(identity))
        {
            case CommandIdStatus.Repeated:
                return Task.FromResult(CommandOutcome.Done(record.LastSequence));
            case CommandIdStatus.UsedForAnother:
                return Task.FromResult(CommandOutcome.Refused(
                    record.LastSequence,
                    ServiceErrorCodes.DuplicateCommandId,
                    "This command id was already used for a different command; send a new command with a new id."));
        }

        var (command, errorCode, message) = CommandTranslator.Translate(record.Header.Scenario, request, clock.GetUtcNow());
        return command is null
            ? Task.FromResult(CommandOutcome.Refused(record.LastSequence, errorCode!, message!))
            : DecideAndAppendAsync(record, identity.ToLogId(), command);
    }

    public Task<GameSummary> GetSummary() =>
        _record is { } record
            ? Task.FromResult(Summary(record))
            : Task.FromException<GameSummary>(new KeyNotFoundException($"There is no game '{GameId}'."));

    public Task<PartyView> GetPartyView(string partyId)
    {
        if (_record is not { } record)
        {
            return Task.FromException<PartyView>(new KeyNotFoundException($"There is no game '{GameId}'."));
        }

        var party = record.Header.Scenario.PartyIndexOf(partyId);
        return party < 0
            ? Task.FromException<PartyView>(new ArgumentException($"There is no party '{partyId}' in game '{GameId}'.", nameof(partyId)))
            : Task.FromResult(PartyViews.Of(GameId, record, party));
    }

    public async Task<ImmutableArray<LoggedEvent>> ReadLog(long afterSequence, int maxCount) =>
        [.. await store.ReadAsync(StreamId, afterSequence, Math.Clamp(maxCount, 1, ReadPageSize))];

    private async Task<CommandOutcome> DecideAndAppendAsync(GameRecord record, Guid commandId, GameCommand command)
    {
        ImmutableArray<GameEvent> events;
        LoggedEvent[] entries;
        using (var decide = GameInstruments.StartDecide(command))
        {
            var decision = GameRules.Decide(record.State, command);
            if (!decision.IsAccepted)
            {
                var code = decision.Violation.Code.ToString();
                GameInstruments.Refused(decide, code);
                return CommandOutcome.Refused(record.LastSequence, code, decision.Violation.Message);
            }

            var bots = BotsAfter(record.Bots, decision.Events);
            events = bots.Any(bot => bot is not null) ? WithBotReplies(record, bots, decision.Events) : decision.Events;
            entries = ToEntries(record, commandId, events);
        }

        await AppendOrLetGoAsync(entries);
        for (var i = 0; i < entries.Length; i++)
        {
            record.Apply(entries[i], events[i]);
        }

        GameInstruments.Appended(events);

        if (_observers.Count > 0)
        {
            ImmutableArray<LoggedEvent> appended = [.. entries];
            await _observers.Notify(observer => observer.OnEvents(GameId, appended));
        }

        await Deadlines.AfterChangeAsync(record.State);
        return CommandOutcome.Done(record.LastSequence);
    }

    /// <summary>
    /// The clock's timer fired. Timers may fire early (and a far deadline is looked at once a day), so the deadline is
    /// reported only once it has come; it then counts once because the rules refuse one that has already moved on.
    /// </summary>
    private async Task OnWakeAsync()
    {
        if (_record is not { } record)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (ClockRules.RunningDeadline(record.State) is { } deadline && now >= deadline)
        {
            try
            {
                var outcome = await DecideAndAppendAsync(record, CommandIdentity.OfDeadline(deadline).ToLogId(), new ReachDeadline(now));
                LogDeadline(logger, GameId, deadline, outcome.Accepted);
                if (!outcome.Accepted)
                {
                    // The rules always take a due deadline (ClockRulesPropertyTests); should that ever fail, look again later, not at once.
                    Deadlines.ArmRetry(record.State);
                    return;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDeadlineFailed(logger, GameId, deadline, exception);
                Deadlines.ArmRetry(record.State);
                return;
            }
        }

        Deadlines.Arm(record.State);
    }

    /// <summary>
    /// Appends to the game's log. If another activation wrote to it first, this one's state is stale: it lets go, so
    /// that the next call rebuilds from the log, and the caller is told to send the same command again.
    /// </summary>
    private async Task AppendOrLetGoAsync(LoggedEvent[] entries)
    {
        try
        {
            await store.AppendAsync(StreamId, entries);
        }
        catch (EventStoreConflictException)
        {
            DeactivateOnIdle();
            throw new LogConflictException(StreamId);
        }
    }

    /// <summary>
    /// The command's events followed by the bots' turns on the state they leave: an opening and an answer turn when
    /// a round has just opened, an answer turn otherwise.
    /// </summary>
    private static ImmutableArray<GameEvent> WithBotReplies(GameRecord record, IReadOnlyList<BotStrategy?> bots, ImmutableArray<GameEvent> events)
    {
        var opensRound = events.Any(e => e is NegotiationStarted or RoundAdvanced);
        var state = GameRules.ApplyAll(record.State, events);
        var all = events.ToBuilder();
        foreach (var turn in opensRound ? [BotTurn.Opening, BotTurn.Answer] : (BotTurn[])[BotTurn.Answer])
        {
            var (after, produced) = BotPlay.TakeTurns(state, bots, record.Header.Seed, turn);
            state = after;
            all.AddRange(produced);
        }

        return all.ToImmutable();
    }

    /// <summary>Who plays each party once <paramref name="events"/> apply: a bot that has just taken over answers at once.</summary>
    private static IReadOnlyList<BotStrategy?> BotsAfter(IReadOnlyList<BotStrategy?> bots, ImmutableArray<GameEvent> events)
    {
        if (!events.Any(e => e is PlayerChanged))
        {
            return bots;
        }

        var after = bots.ToArray();
        foreach (var changed in events.OfType<PlayerChanged>())
        {
            after[changed.Party] = changed.Bot;
        }

        return after;
    }

    /// <summary>The log entries of <paramref name="events"/>, numbered on from the record's last.</summary>
    private LoggedEvent[] ToEntries(GameRecord record, Guid commandId, ImmutableArray<GameEvent> events)
    {
        var at = clock.GetUtcNow();
        var entries = new LoggedEvent[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var (type, data) = record.Codec.Encode(events[i]);
            entries[i] = new LoggedEvent(record.LastSequence + 1 + i, at, commandId, type, data);
        }

        return entries;
    }

    private GameSummary Summary(GameRecord record) => GameSummaries.Of(GameId, record, _spectators.Count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Game {GameId}: deadline {Deadline} reached (moved on: {Accepted})")]
    private static partial void LogDeadline(ILogger logger, string gameId, DateTimeOffset deadline, bool accepted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Game {GameId}: handling deadline {Deadline} failed; trying again shortly")]
    private static partial void LogDeadlineFailed(ILogger logger, string gameId, DateTimeOffset deadline, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Game {GameId} restored from its log at sequence {Sequence}")]
    private static partial void LogRestored(ILogger logger, string gameId, long sequence);
}
