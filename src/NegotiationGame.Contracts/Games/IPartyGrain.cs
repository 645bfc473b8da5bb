using NegotiationGame.Contracts.Commands;
using Orleans.Concurrency;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// One party of one game (keyed "gameId/partyId"): the door through which that party's students (its seats) act
/// and read their confidential view. Commands from several seats of a team queue here, one at a time, before they
/// reach the game.
/// </summary>
[Alias("ng.IPartyGrain")]
public interface IPartyGrain : IGrainWithStringKey
{
    /// <summary>Makes a command for this party; the caller has checked that the seat belongs to it.</summary>
    [Alias("Act")]
    Task<CommandOutcome> Act(Guid commandId, CommandBody body);

    /// <summary>
    /// Makes a command for the student in <paramref name="seat"/>, or answers null when that seat no longer holds
    /// this party at that generation (moved, released or handed to another device): the party grain keeps what the
    /// class said of its seats, so that a player's command costs no call to the class.
    /// </summary>
    [Alias("ActFromSeat")]
    Task<CommandOutcome?> ActFromSeat(PlayerSeat seat, Guid commandId, CommandBody body);

    /// <summary>The class changed this party's seats: what the party grain kept of them is asked again.</summary>
    [Alias("SeatsChanged")]
    [AlwaysInterleave]
    Task SeatsChanged();

    [Alias("GetView")]
    Task<PartyView> GetView();
}
