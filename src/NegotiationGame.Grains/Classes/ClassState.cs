using System.Collections.Immutable;
using System.Text.Json;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.EventLog;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains.Classes;

/// <summary>A class session as the fold of its stream.</summary>
internal sealed class ClassState(string classId, ClassCreated created)
{
    private readonly List<Seat> _roster = [];
    private readonly Dictionary<Guid, string> _secretHashes = [];
    private readonly Dictionary<Guid, OpenRequest> _requests = [];

    public string ClassId { get; } = classId;

    public ClassCreated Created { get; } = created;

    public Scenario Scenario { get; } = SharedScenarios.Load(created.ScenarioJson).Scenario;

    public ImmutableArray<string> GameIds { get; } = [.. Enumerable.Range(1, created.GameCount).Select(game => GameIdOf(classId, game))];

    public IReadOnlyList<Seat> Roster => _roster;

    /// <summary>Requests the instructor has not answered yet, oldest first.</summary>
    public IEnumerable<SeatRequest> PendingRequests => _requests.Values.Where(open => open.Answered is null).Select(open => open.Request).OrderBy(request => request.RequestedAt);

    public ImmutableDictionary<string, string>? Bots { get; private set; }

    /// <summary>Whether the games opened (or open, on a Start sent again) with a briefing the instructor ends by hand.</summary>
    public bool UntimedBriefing { get; private set; }

    public bool RevealPrivateAfterEnd { get; private set; } = true;

    /// <summary>On by default, as a debrief kit hands every role's confidential instructions round once the exercise is over.</summary>
    public bool RevealBriefingsAfterEnd { get; private set; } = true;

    /// <summary>Which instructor tokens count: only those issued for this generation.</summary>
    public int InstructorGeneration { get; private set; }

    public long LastSequence { get; set; } = 1;

    public static string GameIdOf(string classId, int game) => $"{classId}-{game:00}";

    /// <summary>The class as its stream tells it; a stream without its creation is refused.</summary>
    public static ClassState Replay(string classId, IReadOnlyList<LoggedEvent> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Count == 0)
        {
            throw new ArgumentException($"The stream of class '{classId}' is empty.", nameof(log));
        }

        var state = new ClassState(classId, (ClassCreated)Decode(log[0]));
        foreach (var entry in log.Skip(1))
        {
            state.Apply(Decode(entry));
            state.LastSequence = entry.Sequence;
        }

        return state;
    }

    public ClassSummary ToSummary() => new(
        ClassId,
        Created.Title,
        Scenario.Id,
        GameIds,
        Created.Codes,
        [.. _roster],
        Bots ?? ImmutableDictionary<string, string>.Empty,
        Bots is not null,
        Created.SpectatorDelaySeconds,
        RevealPrivateAfterEnd,
        [.. PendingRequests],
        RevealBriefingsAfterEnd);

    public void Apply(ClassEvent classEvent)
    {
        switch (classEvent)
        {
            case SeatTaken taken:
                _roster.Add(new Seat(taken.SeatId, taken.DisplayName, taken.GameId, taken.PartyId));
                if (taken.SecretHash is { } hash)
                {
                    _secretHashes[taken.SeatId] = hash;
                }

                break;
            case SeatMoved moved:
                Update(moved.SeatId, seat => seat with { GameId = moved.GameId, PartyId = moved.PartyId, Generation = seat.Generation + 1 });
                break;
            case SeatSecretIssued issued:
                Update(issued.SeatId, seat => seat with { Generation = seat.Generation + 1 });
                _secretHashes[issued.SeatId] = issued.SecretHash;
                break;
            case SeatReleased released:
                _roster.RemoveAll(seat => seat.SeatId == released.SeatId);
                _secretHashes.Remove(released.SeatId);
                break;
            case RolePlayerChanged changed:
                var role = $"{changed.GameId}/{changed.PartyId}";
                Bots = changed.Bot is { } bot ? Bots!.SetItem(role, bot) : Bots!.Remove(role);
                break;
            case SeatRequested requested:
                _requests[requested.Request.RequestId] = new OpenRequest(requested.Request, requested.SecretHash, null);
                break;
            case SeatRequestAnswered answered:
                _requests[answered.RequestId] = _requests[answered.RequestId] with { Answered = new RequestAnswer(answered.SeatId) };
                break;
            case SeatRequestCollected collected:
                _requests.Remove(collected.RequestId);
                break;
            case ClassStarted started:
                Bots = started.Bots;
                UntimedBriefing = started.UntimedBriefing;
                break;
            case RevealPolicySet policy:
                RevealPrivateAfterEnd = policy.RevealPrivateAfterEnd;
                break;
            case BriefingRevealSet briefings:
                RevealBriefingsAfterEnd = briefings.RevealBriefingsAfterEnd;
                break;
            case InstructorLinkReissued reissued:
                InstructorGeneration = reissued.Generation;
                break;
            default:
                throw new InvalidOperationException($"{classEvent.GetType().Name} cannot follow the creation of a class.");
        }
    }

    public Seat? SeatOf(Guid seatId) => _roster.Find(seat => seat.SeatId == seatId);

    public string? SecretHashOf(Guid seatId) => _secretHashes.GetValueOrDefault(seatId);

    public OpenRequest? RequestOf(Guid requestId) => _requests.GetValueOrDefault(requestId);

    public bool IsRole(string gameId, string partyId) => GameIds.Contains(gameId) && Scenario.PartyIndexOf(partyId) >= 0;

    public string? BotOf(string gameId, string partyId) => Bots?.GetValueOrDefault($"{gameId}/{partyId}");

    public int SeatsIn(string gameId, string partyId) => _roster.Count(seat => seat.GameId == gameId && seat.PartyId == partyId);

    public bool IsFull(string gameId, string partyId) => SeatsIn(gameId, partyId) >= Created.MaxSeatsPerRole;

    private static ClassEvent Decode(LoggedEvent entry) =>
        JsonSerializer.Deserialize<ClassEvent>(entry.Data) ?? throw new FormatException($"Empty class event at {entry.Sequence}.");

    private void Update(Guid seatId, Func<Seat, Seat> change)
    {
        var index = _roster.FindIndex(seat => seat.SeatId == seatId);
        _roster[index] = change(_roster[index]);
    }

    /// <summary>
    /// The role a lobby code fills next: the one with fewest students, earliest game and party first; none when every
    /// role is full.
    /// </summary>
    public (string GameId, string PartyId)? NextOpenRole()
    {
        var (gameId, partyId) = GameIds.SelectMany(game => Scenario.Parties.Select(party => (GameId: game, PartyId: party.Id)))
            .OrderBy(role => SeatsIn(role.GameId, role.PartyId))
            .First();
        return IsFull(gameId, partyId) ? null : (gameId, partyId);
    }
}

/// <summary>A seat request with the hash of the secret that collects it and, once given, the instructor's answer.</summary>
internal sealed record OpenRequest(SeatRequest Request, string SecretHash, RequestAnswer? Answered);

/// <summary>The instructor's answer: the seat given, or null for a refusal.</summary>
internal sealed record RequestAnswer(Guid? SeatId);
