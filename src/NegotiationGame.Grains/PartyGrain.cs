using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Grains;

/// <summary>
/// A party of a game. It holds no state of its own that the game's log does not hold: it stamps commands with its
/// party and forwards them, and asks the game for the party's view, so a party grain can be lost at any time. It
/// keeps, until the class says they changed, the seats it has checked a player's command against: seats change a
/// few times a class, commands thousands of times a minute.
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

    private readonly Dictionary<Guid, Seat?> _seats = [];
    private int _seatsVersion;

    public async Task<CommandOutcome?> ActFromSeat(PlayerSeat seat, Guid commandId, CommandBody body)
    {
        ArgumentNullException.ThrowIfNull(seat);
        if (!_seats.TryGetValue(seat.SeatId, out var known))
        {
            // A change announced while the class answered may not be in its answer: that answer is used once, not kept.
            var version = _seatsVersion;
            known = await GrainFactory.GetGrain<IClassSessionGrain>(seat.ClassId).GetSeat(seat.SeatId);
            if (version == _seatsVersion)
            {
                _seats[seat.SeatId] = known;
            }
        }

        var (gameId, partyId) = PartyKeys.Parse(this.GetPrimaryKeyString());
        if (known is null || (known.GameId, known.PartyId, known.Generation) != (gameId, partyId, seat.Generation))
        {
            return null;
        }

        return await Act(commandId, body);
    }

    public Task SeatsChanged()
    {
        _seatsVersion++;
        _seats.Clear();
        return Task.CompletedTask;
    }

    public Task<PartyView> GetView() => Game.GetPartyView(PartyId);
}
