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

    /// <summary>Seats a student with a join code; joining again with the same seat id returns the same seat.</summary>
    [Alias("Join")]
    Task<JoinOutcome> Join(string code, string displayName, Guid seatId);

    /// <summary>Moves a seated student to another role (the instructor assigning roles before the start).</summary>
    [Alias("AssignRole")]
    Task<JoinOutcome> AssignRole(Guid seatId, string gameId, string partyId);

    /// <summary>Creates every game with a bot of <paramref name="botStrategy"/> in each role no student holds, and opens them.</summary>
    [Alias("Start")]
    Task<ClassSummary> Start(string botStrategy);

    [Alias("GetSummary")]
    Task<ClassSummary> GetSummary();

    /// <summary>The text of the class's scenario, as it was created (a bundled one's or an uploaded file's).</summary>
    [Alias("GetScenarioJson")]
    Task<string> GetScenarioJson();

    /// <summary>
    /// The instructor's reveal policy: whether, once a game has ended, everyone (other parties, spectators) may read
    /// its private channels. While a game runs, only the parties of a channel and the instructor read it.
    /// </summary>
    [Alias("SetRevealPolicy")]
    Task<ClassSummary> SetRevealPolicy(bool revealPrivateAfterEnd);

    /// <summary>Moves the class on to a new instructor generation and returns it: older instructor tokens stop counting.</summary>
    [Alias("ReissueInstructorLink")]
    Task<int> ReissueInstructorLink();

    /// <summary>The generation whose instructor tokens count now (0 until a link is reissued).</summary>
    [Alias("GetInstructorGeneration")]
    [AlwaysInterleave]
    Task<int> GetInstructorGeneration();
}
