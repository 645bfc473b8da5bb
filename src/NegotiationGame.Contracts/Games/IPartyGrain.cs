using NegotiationGame.Contracts.Commands;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// One party of one game (keyed "gameId/partyId"): its confidential view, and acting on its behalf (the instructor's
/// sandbox). A seated player's commands go to the game itself, which checks the seat (<see cref="IGameGrain.ExecuteFromSeat"/>):
/// one grain call a command instead of two.
/// </summary>
[Alias("ng.IPartyGrain")]
public interface IPartyGrain : IGrainWithStringKey
{
    /// <summary>Makes a command for this party; the caller has checked that it may act for the party.</summary>
    [Alias("Act")]
    Task<CommandOutcome> Act(Guid commandId, CommandBody body);

    [Alias("GetView")]
    Task<PartyView> GetView();
}
