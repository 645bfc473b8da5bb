using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.EventLog;
using NegotiationGame.Storage;
using Orleans.Utilities;

namespace NegotiationGame.Grains.Classes;

/// <summary>
/// A class session: its games, join codes, roster and start. Its state is the fold of its own stream in the event
/// store, so it survives restarts like the games do.
/// </summary>
public sealed partial class ClassSessionGrain(
    IEventStore store,
    [FromKeyedServices(GameClock.Key)] TimeProvider clock,
    ILogger<ClassSessionGrain> logger) : Grain, IClassSessionGrain
{
    public const int MaxGames = 200;
    public const int MaxTitleLength = 120;
    public const int MaxDisplayNameLength = 40;
    public const int MaxSpectatorDelaySeconds = 3_600;

    private const string ClassFull = "ClassFull";
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 6;

    private ClassState? _state;

    // Hosts renew every few seconds (ClassFeeds), so a host that went away stops costing notifications soon.
    private readonly ObserverManager<IClassObserver> _observers = new(TimeSpan.FromSeconds(30), logger);

    private string ClassId => this.GetPrimaryKeyString();

    private string StreamId => EventStreams.Class(ClassId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var log = await store.ReadAsync(StreamId, 0, int.MaxValue, cancellationToken);
        if (log.Count == 0)
        {
            return;
        }

        _state = ClassState.Replay(ClassId, log);
    }

    public async Task<ClassSummary> Create(CreateClassRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_state is not null)
        {
            throw new InvalidOperationException($"Class '{ClassId}' already exists.");
        }

        var maxPhaseSeconds = (int)GameTiming.MaxPhaseLength.TotalSeconds;
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > MaxTitleLength || !PlainText.IsSingleLine(request.Title) ||
            request.MaxSeatsPerRole is < 1 or > CreateClassRequest.MostSeatsPerRole || request.GameCount is < 1 or > MaxGames || request.BriefingSeconds < 0 || request.BriefingSeconds > maxPhaseSeconds ||
            request.RoundSeconds < 0 || request.RoundSeconds > maxPhaseSeconds || request.SpectatorDelaySeconds is < 0 or > MaxSpectatorDelaySeconds)
        {
            throw new ArgumentException(
                $"A class needs a one-line title of 1 to {MaxTitleLength} characters, 1 to {CreateClassRequest.MostSeatsPerRole} seats per role, 1 to {MaxGames} games, a briefing and rounds of 0 (untimed) to {maxPhaseSeconds} seconds and a spectator delay of 0 to {MaxSpectatorDelaySeconds} seconds.",
                nameof(request));
        }

        var (json, scenario) = SharedScenarios.Load(request.ScenarioJson);
        var used = new HashSet<string>(StringComparer.Ordinal);
        string UniqueCode()
        {
            string code;
            do
            {
                code = NewCode();
            }
            while (!used.Add(code));
            return code;
        }

        var codes = ImmutableArray.CreateBuilder<JoinCode>();
        codes.Add(new JoinCode(UniqueCode(), null, null));
        for (var game = 1; game <= request.GameCount; game++)
        {
            foreach (var party in scenario.Parties)
            {
                codes.Add(new JoinCode(UniqueCode(), ClassState.GameIdOf(ClassId, game), party.Id));
            }
        }

        var created = new ClassCreated(
            request.Title, json, request.GameCount, request.BriefingSeconds, request.RoundSeconds, request.Seed, codes.ToImmutable(), request.SpectatorDelaySeconds, request.MaxSeatsPerRole);
        await AppendOrLetGoAsync(Encode(1, created));
        _state = new ClassState(ClassId, created);
        return _state.ToSummary();
    }

    public async Task<JoinOutcome> Join(string code, string displayName, Guid seatId)
    {
        var state = RequireState();
        if (state.Roster.FirstOrDefault(seat => seat.SeatId == seatId) is { } existing)
        {
            return new JoinOutcome(existing, null, null);
        }

        if (CodeOf(state, code) is not { } joinCode)
        {
            return new JoinOutcome(null, "UnknownCode", "That join code does not belong to this class.");
        }

        if (state.Bots is not null)
        {
            return new JoinOutcome(null, "ClassStarted", "The games have started; ask the instructor to seat you.");
        }

        if (ValidName(displayName) is not { } name)
        {
            return InvalidName();
        }

        var role = joinCode.GameId is { } game ? (game, joinCode.PartyId!) : state.NextOpenRole();
        if (role is not { } open || state.IsFull(open.GameId, open.PartyId))
        {
            return new JoinOutcome(null, ClassFull, joinCode.GameId is null
                ? "Every role of this class is full; ask the instructor for a seat."
                : $"This team is full ({state.Created.MaxSeatsPerRole} students); ask the instructor for another role.");
        }

        var secret = SeatSecrets.New();
        await AppendAsync(state, new SeatTaken(seatId, name, open.GameId, open.PartyId, SeatSecrets.Hash(secret)));
        return new JoinOutcome(state.SeatOf(seatId), null, null, secret);
    }

    public async Task<JoinOutcome> AssignRole(Guid seatId, string gameId, string partyId)
    {
        var state = RequireState();
        if (state.Roster.FirstOrDefault(seat => seat.SeatId == seatId) is not { } seat)
        {
            return new JoinOutcome(null, "UnknownSeat", "No student holds that seat in this class.");
        }

        if (!state.IsRole(gameId, partyId))
        {
            return UnknownRole(gameId, partyId);
        }

        if ((seat.GameId, seat.PartyId) == (gameId, partyId))
        {
            return new JoinOutcome(seat, null, null);
        }

        if (state.IsFull(gameId, partyId))
        {
            return new JoinOutcome(null, ClassFull, $"That team is full ({state.Created.MaxSeatsPerRole} students).");
        }

        // Mid-game, a bot playing the role the student moves to hands it over; the role they leave plays on without them.
        if (await TakeFromBotAsync(state, gameId, partyId) is { } refusal)
        {
            return refusal;
        }

        await AppendAsync(state, new SeatMoved(seatId, gameId, partyId));
        return new JoinOutcome(state.SeatOf(seatId), null, null);
    }

    public async Task<ClassSummary> Start(string botStrategy, bool untimedBriefing = false)
    {
        var state = RequireState();
        if (!BotStrategyNames.TryParse(botStrategy, out _))
        {
            throw new ArgumentException($"Unknown bot strategy '{botStrategy}' (boulware, conceder, linear, tit-for-tat).", nameof(botStrategy));
        }

        if (state.Bots is null)
        {
            var bots = state.GameIds
                .SelectMany(game => state.Scenario.Parties.Where(party => state.SeatsIn(game, party.Id) == 0).Select(party => $"{game}/{party.Id}"))
                .ToImmutableDictionary(role => role, _ => botStrategy);
            await AppendAsync(state, new ClassStarted(bots, untimedBriefing));
        }

        // Creating and opening each game is idempotent (same request, command ids derived from the class), so a Start
        // interrupted half-way is finished by calling it again.
        await Task.WhenAll(state.GameIds.Select((gameId, index) => OpenGameAsync(state, gameId, index)));
        return state.ToSummary();
    }

    public Task<ClassSummary> GetSummary() => Task.FromResult(RequireState().ToSummary());

    public Task<string> GetScenarioJson() => Task.FromResult(RequireState().Created.ScenarioJson);

    public async Task<ClassSummary> SetRevealPolicy(bool revealPrivateAfterEnd)
    {
        var state = RequireState();
        if (state.RevealPrivateAfterEnd != revealPrivateAfterEnd)
        {
            await AppendAsync(state, new RevealPolicySet(revealPrivateAfterEnd));
        }

        return state.ToSummary();
    }

    public async Task<ClassSummary> SetBriefingRevealPolicy(bool revealBriefingsAfterEnd)
    {
        var state = RequireState();
        if (state.RevealBriefingsAfterEnd != revealBriefingsAfterEnd)
        {
            await AppendAsync(state, new BriefingRevealSet(revealBriefingsAfterEnd));
        }

        return state.ToSummary();
    }

    public async Task<int> ReissueInstructorLink()
    {
        var state = RequireState();
        await AppendAsync(state, new InstructorLinkReissued(state.InstructorGeneration + 1));
        return state.InstructorGeneration;
    }

    public Task<int> GetInstructorGeneration() => Task.FromResult(RequireState().InstructorGeneration);

    private async Task OpenGameAsync(ClassState state, string gameId, int index)
    {
        var bots = state.Bots!
            .Where(bot => bot.Key.StartsWith(gameId + "/", StringComparison.Ordinal))
            .ToImmutableDictionary(bot => bot.Key[(gameId.Length + 1)..], bot => bot.Value);
        var created = state.Created;
        var game = GrainFactory.GetGrain<IGameGrain>(gameId);
        await game.Create(new CreateGameRequest(created.ScenarioJson, created.Seed + index, bots, created.BriefingSeconds, created.RoundSeconds));
        CommandBody open = state.UntimedBriefing ? new StartBriefingBody(Untimed: true)
            : created.BriefingSeconds > 0 ? new StartBriefingBody()
            : new StartNegotiationBody();
        await game.Execute(new GameCommandRequest(OpeningCommandId(gameId), Actors.Instructor, open, CommandOrigin.Server));
    }

    private Guid OpeningCommandId(string gameId) => ServerCommandId($"{ClassId}/{gameId}/open");

    /// <summary>A command id the class makes for a game from a key that names the game and the purpose (the server's own id space).</summary>
    private static Guid ServerCommandId(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    private Task AppendAsync(ClassState state, ClassEvent classEvent) => AppendAllAsync(state, classEvent);

    /// <summary>Appends the events as one write, so that a change of several parts (roster, bots, request) lands whole or not at all.</summary>
    private async Task AppendAllAsync(ClassState state, params ClassEvent[] classEvents)
    {
        await AppendOrLetGoAsync([.. classEvents.Select((classEvent, index) => Encode(state.LastSequence + 1 + index, classEvent))]);
        var changedSeats = new List<Seat>();
        foreach (var classEvent in classEvents)
        {
            if (SeatChangedBy(classEvent) is { } seatId && state.SeatOf(seatId) is { } seat)
            {
                changedSeats.Add(seat);
            }

            state.Apply(classEvent);
            state.LastSequence++;
        }

        if (changedSeats.Count > 0)
        {
            await TellSeatChangesAsync(state, changedSeats);
        }

        if (_observers.Count > 0)
        {
            var summary = state.ToSummary();
            await _observers.Notify(observer => observer.OnClassChanged(ClassId, state.LastSequence, state.InstructorGeneration, summary));
        }
    }

    public Task<long> Subscribe(IClassObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(RequireState().LastSequence);
    }

    public Task Unsubscribe(IClassObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>The seat an event moves, hands to another device or releases: the tokens issued for it end.</summary>
    private static Guid? SeatChangedBy(ClassEvent classEvent) => classEvent switch
    {
        SeatMoved moved => moved.SeatId,
        SeatSecretIssued issued => issued.SeatId,
        SeatReleased released => released.SeatId,
        _ => null,
    };

    /// <summary>
    /// If another activation of this class (on another node, during a membership change) wrote to its log first, this
    /// one's state is stale: it lets go, so that the call sent again is decided by an activation that reloads the log.
    /// </summary>
    private async Task AppendOrLetGoAsync(params LoggedEvent[] entries)
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

    private ClassState RequireState() => _state ?? throw new KeyNotFoundException($"There is no class '{ClassId}'.");

    private LoggedEvent Encode(long sequence, ClassEvent classEvent) =>
        new(sequence, clock.GetUtcNow(), Guid.NewGuid(), classEvent.GetType().Name, JsonSerializer.Serialize<ClassEvent>(classEvent));

    private static string NewCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, CodeLength));
}
