using System.Collections.Immutable;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Storage;
using Orleans.Concurrency;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// One game: runs the core's rules, owns the game's log (the system of record) and its bots. Keyed by game id.
/// </summary>
[Alias("ng.IGameGrain")]
public interface IGameGrain : IGrainWithStringKey
{
    /// <summary>Creates the game; creating it again with the same request is a no-op, with another one an error.</summary>
    [Alias("Create")]
    Task<GameSummary> Create(CreateGameRequest request);

    /// <summary>Decides a command, makes its events durable, then acknowledges; idempotent by command id.</summary>
    [Alias("Execute")]
    Task<CommandOutcome> Execute(GameCommandRequest request);

    /// <summary>
    /// Executes a player's command for the party it names, or answers null when <paramref name="seat"/> no longer
    /// holds that party of this game at that generation (moved, released or handed to another device). The game keeps
    /// what the class said of the seats that acted here until the class says they changed, so that a player's command
    /// costs no call to the class.
    /// </summary>
    [Alias("ExecuteFromSeat")]
    Task<CommandOutcome?> ExecuteFromSeat(PlayerSeat seat, GameCommandRequest request);

    /// <summary>Activates the game if it is not, so that its clock runs; deadlines missed while it was down fire now.</summary>
    [Alias("EnsureClockRunning")]
    Task EnsureClockRunning();

    /// <summary>The confidential view of one party; the caller has checked that the asker may see it.</summary>
    /// <remarks>Reads interleave with commands: they see the state between two turns and never wait for an append.</remarks>
    [AlwaysInterleave]
    [Alias("GetPartyView")]
    Task<PartyView> GetPartyView(string partyId);

    /// <summary>
    /// Registers (or renews) an observer of new entries and returns the last sequence number now in the log, so
    /// that the observer can tell whether it missed anything. Registrations lapse after thirty seconds unless renewed.
    /// An observer that was not registered first hears the seat changes this activation knows of (OnSeatsChanged).
    /// </summary>
    [Alias("Subscribe")]
    Task<long> Subscribe(IGameObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IGameObserver observer);

    /// <summary>
    /// Counts a spectator in (or out), by a key unique to its connection, and returns how many watch now. The count
    /// lives with the active game, not in the log: it starts again from zero if the game is reactivated.
    /// </summary>
    [Alias("SetSpectator")]
    Task<int> SetSpectator(string watcherKey, bool watching);

    /// <summary>
    /// The class changed seats of this game's parties: every host watching the game hears it before this returns (or
    /// gives up on a host after a few seconds). Not interleaved with commands, so that every entry appended before it
    /// was notified before it and every entry after it is appended only once the hosts have heard.
    /// </summary>
    [Alias("SeatsChanged")]
    Task SeatsChanged(ImmutableArray<SeatChange> changes);

    [AlwaysInterleave]
    [Alias("GetSummary")]
    Task<GameSummary> GetSummary();

    /// <summary>Log entries after <paramref name="afterSequence"/>, in order, at most <paramref name="maxCount"/>.</summary>
    [AlwaysInterleave]
    [Alias("ReadLog")]
    Task<ImmutableArray<LoggedEvent>> ReadLog(long afterSequence, int maxCount);
}
