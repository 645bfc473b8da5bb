using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// A class session as the instructor sees it: its games, join codes, roster, which roles bots play and whether it
/// has started, and the students waiting for the instructor to seat them.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.ClassSummary")]
public sealed record ClassSummary(
    [property: Id(0)] string ClassId,
    [property: Id(1)] string Title,
    [property: Id(2)] string ScenarioId,
    [property: Id(3)] ImmutableArray<string> GameIds,
    [property: Id(4)] ImmutableArray<JoinCode> JoinCodes,
    [property: Id(5)] ImmutableArray<Seat> Roster,
    [property: Id(6)] ImmutableDictionary<string, string> Bots,
    [property: Id(7)] bool Started,
    [property: Id(9)] int SpectatorDelaySeconds,
    [property: Id(10)] bool RevealPrivateAfterEnd,
    [property: Id(20)] ImmutableArray<SeatRequest> SeatRequests,
    [property: Id(21)] bool RevealBriefingsAfterEnd = true)
{
    /// <summary>The students seated in a role now, or the bot that plays it: the names a teacher grades by.</summary>
    public string PlayersOf(string gameId, string partyId)
    {
        var students = Roster.Where(seat => seat.GameId == gameId && seat.PartyId == partyId).Select(seat => seat.DisplayName).ToList();
        return students.Count > 0 ? string.Join("; ", students)
            : Bots.TryGetValue($"{gameId}/{partyId}", out var bot) ? $"bot ({bot})"
            : string.Empty;
    }
}
