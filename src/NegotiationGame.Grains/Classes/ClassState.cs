using System.Collections.Immutable;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.EventLog;

namespace NegotiationGame.Grains.Classes;

/// <summary>A class session as the fold of its stream.</summary>
internal sealed class ClassState(string classId, ClassCreated created)
{
    private readonly List<Seat> _roster = [];

    public ClassCreated Created { get; } = created;

    public Scenario Scenario { get; } = SharedScenarios.Load(created.ScenarioJson).Scenario;

    public ImmutableArray<string> GameIds { get; } = [.. Enumerable.Range(1, created.GameCount).Select(game => GameIdOf(classId, game))];

    public IReadOnlyList<Seat> Roster => _roster;

    public ImmutableDictionary<string, string>? Bots { get; private set; }

    public bool RevealPrivateAfterEnd { get; private set; } = true;

    /// <summary>Which instructor tokens count: only those issued for this generation.</summary>
    public int InstructorGeneration { get; private set; }

    public long LastSequence { get; set; } = 1;

    public static string GameIdOf(string classId, int game) => $"{classId}-{game:00}";

    public void Apply(ClassEvent classEvent)
    {
        switch (classEvent)
        {
            case SeatTaken taken:
                _roster.Add(new Seat(taken.SeatId, taken.DisplayName, taken.GameId, taken.PartyId));
                break;
            case SeatMoved moved:
                var index = _roster.FindIndex(seat => seat.SeatId == moved.SeatId);
                _roster[index] = _roster[index] with { GameId = moved.GameId, PartyId = moved.PartyId };
                break;
            case ClassStarted started:
                Bots = started.Bots;
                break;
            case RevealPolicySet policy:
                RevealPrivateAfterEnd = policy.RevealPrivateAfterEnd;
                break;
            case InstructorLinkReissued reissued:
                InstructorGeneration = reissued.Generation;
                break;
            default:
                throw new InvalidOperationException($"{classEvent.GetType().Name} cannot follow the creation of a class.");
        }
    }

    public int SeatsIn(string gameId, string partyId) => _roster.Count(seat => seat.GameId == gameId && seat.PartyId == partyId);

    public bool IsFull(string gameId, string partyId) => SeatsIn(gameId, partyId) >= Created.MaxSeatsPerRole;

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
