using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Grains;

/// <summary>
/// A party of a game. It holds no state of its own that the game's log does not hold: it stamps commands with its
/// party and forwards them, and asks the game for the party's view, so a party grain can be lost at any time.
/// </summary>
public sealed class PartyGrain : Grain, IPartyGrain
{
    // Kept rather than looked up per call: resolving a grain reference from its interface reads attributes by reflection.
    private IGameGrain? _game;
    private string? _partyId;

    private string PartyId => _partyId ??= PartyKeys.Parse(this.GetPrimaryKeyString()).PartyId;

    private IGameGrain Game => _game ??= GrainFactory.GetGrain<IGameGrain>(PartyKeys.Parse(this.GetPrimaryKeyString()).GameId);

    public Task<CommandOutcome> Act(Guid commandId, CommandBody body) =>
        Game.Execute(new GameCommandRequest(commandId, PartyId, body));

    public Task<PartyView> GetView() => Game.GetPartyView(PartyId);
}
