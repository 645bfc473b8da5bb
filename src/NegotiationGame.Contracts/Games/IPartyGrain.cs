using NegotiationGame.Contracts.Commands;

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

    [Alias("GetView")]
    Task<PartyView> GetView();
}
