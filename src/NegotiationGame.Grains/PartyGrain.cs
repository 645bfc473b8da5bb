using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Grains;

/// <summary>
/// A party of a game. It holds no state of its own that the game's log does not hold: it stamps commands with its
/// party and forwards them, and asks the game for the party's view, so a party grain can be lost at any time.
/// </summary>
public sealed class PartyGrain : Grain, IPartyGrain
{
    private (string GameId, string PartyId) Key => PartyKeys.Parse(this.GetPrimaryKeyString());

    private IGameGrain Game => GrainFactory.GetGrain<IGameGrain>(Key.GameId);

    public Task<CommandOutcome> Act(Guid commandId, CommandBody body) =>
        Game.Execute(new GameCommandRequest(commandId, Key.PartyId, body));

    public Task<PartyView> GetView() => Game.GetPartyView(Key.PartyId);
}
