using NegotiationGame.Contracts.Commands;
using Orleans.Concurrency;

namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// One class session of an instructor: N parallel games of one scenario, their join codes, the roster and role
/// assignment, and the start that fills empty roles with bots. Keyed by class id.
/// </summary>
[Alias("ng.IClassSessionGrain")]
public interface IClassSessionGrain : IGrainWithStringKey
{
    /// <summary>Creates the class and returns its summary with the instructor key (the only time it is shown).</summary>
    [Alias("Create")]
    Task<ClassSummary> Create(CreateClassRequest request);

    /// <summary>
    /// Seats a student with a join code and hands them the seat's secret; joining again with the same seat id returns
    /// the same seat (without a secret).
    /// </summary>
    [Alias("Join")]
    Task<JoinOutcome> Join(string code, string displayName, Guid seatId);

    /// <summary>
    /// Moves a seated student to another role or game (the instructor assigning roles, or reseating mid-game: a bot
    /// playing the new role hands it over; the role left behind keeps playing without them).
    /// </summary>
    [Alias("AssignRole")]
    Task<JoinOutcome> AssignRole(Guid seatId, string gameId, string partyId);

    /// <summary>
    /// Creates every game with a bot of <paramref name="botStrategy"/> in each role no student holds, and opens them:
    /// with the class's timed briefing, with a briefing without deadline (<paramref name="untimedBriefing"/>, ended by
    /// the instructor's startNegotiation), or straight into round 1 when the class has no briefing time. The first
    /// Start decides; calling it again finishes an interrupted one the same way.
    /// </summary>
    [Alias("Start")]
    Task<ClassSummary> Start(string botStrategy, bool untimedBriefing = false);

    /// <summary>
    /// Sends one instructor command (pause, resume, extend, news, or startNegotiation to end an untimed briefing) to
    /// every game of the started class at once and reports each game's outcome. Idempotent by
    /// <paramref name="commandId"/>: each game gets an id derived from it, so sending the same call again counts once in
    /// every game that accepted it and asks again only those that did not.
    /// </summary>
    [Alias("InstructAll")]
    Task<ClassCommandOutcome> InstructAll(Guid commandId, CommandBody command);

    /// <summary>Gives a student their seat back on the browser that holds its secret (UnknownSeat otherwise).</summary>
    [Alias("Rejoin")]
    Task<JoinOutcome> Rejoin(Guid seatId, string seatSecret);

    /// <summary>A student without a seat secret, or a latecomer, asks the instructor for a seat.</summary>
    [Alias("RequestSeat")]
    Task<SeatRequestTicket> RequestSeat(string code, string displayName);

    /// <summary>The requester asks how its request stands; an approval is handed out once, with a new seat secret.</summary>
    [Alias("CollectSeat")]
    Task<SeatRequestReply> CollectSeat(Guid requestId, string requestSecret);

    /// <summary>The instructor approves (an existing seat, or a new one in a role) or denies a seat request.</summary>
    [Alias("AnswerSeatRequest")]
    Task<JoinOutcome> AnswerSeatRequest(SeatRequestAnswer answer);

    /// <summary>
    /// Puts a bot of <paramref name="botStrategy"/> in a role of a started game; the students who held it leave the
    /// roster (their tokens stop counting) and the game goes on.
    /// </summary>
    [Alias("SetBot")]
    Task<JoinOutcome> SetBot(string gameId, string partyId, string botStrategy);

    /// <summary>The seat as it stands now, or null once it has left the roster: what a player's token is checked against.</summary>
    [Alias("GetSeat")]
    [AlwaysInterleave]
    Task<Seat?> GetSeat(Guid seatId);

    [Alias("GetSummary")]
    Task<ClassSummary> GetSummary();

    /// <summary>
    /// Registers (or renews) a host's observer of the class's changes, and returns the class log's last sequence; a
    /// registration lapses unless renewed within 30 s.
    /// </summary>
    [Alias("Subscribe")]
    Task<long> Subscribe(IClassObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IClassObserver observer);

    /// <summary>The text of the class's scenario, as it was created (a bundled one's or an uploaded file's).</summary>
    [Alias("GetScenarioJson")]
    Task<string> GetScenarioJson();

    /// <summary>
    /// The instructor's reveal policy: whether, once a game has ended, everyone (other parties, spectators) may read
    /// its private channels. While a game runs, only the parties of a channel and the instructor read it.
    /// </summary>
    [Alias("SetRevealPolicy")]
    Task<ClassSummary> SetRevealPolicy(bool revealPrivateAfterEnd);

    /// <summary>
    /// Whether a player whose game has ended may read the other parties' reservations and confidential briefings, and
    /// the analytics drawn from them (the frontier, the Nash point). Before the end nobody but the instructor does.
    /// </summary>
    [Alias("SetBriefingRevealPolicy")]
    Task<ClassSummary> SetBriefingRevealPolicy(bool revealBriefingsAfterEnd);

    /// <summary>Moves the class on to a new instructor generation and returns it: older instructor tokens stop counting.</summary>
    [Alias("ReissueInstructorLink")]
    Task<int> ReissueInstructorLink();

    /// <summary>The generation whose instructor tokens count now (0 until a link is reissued).</summary>
    [Alias("GetInstructorGeneration")]
    [AlwaysInterleave]
    Task<int> GetInstructorGeneration();
}
