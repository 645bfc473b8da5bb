using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Hubs;

/// <summary>The player's end screen (docs/protocol.md, <c>getEndScreen</c>): served only once the player's own game has ended.</summary>
public sealed partial class GameHub
{
    public async Task<HubResult> GetEndScreen(HubRequest<TokenRequest> argument)
    {
        var grant = await GrantAsync(argument.Value.Token);
        if (grant is not { Role: AccessRole.Player, GameId: { } gameId, PartyId: { } partyId })
        {
            return grant is null ? HubResults.Unauthorized() : HubResults.Forbidden("Only a player has an end screen; the instructor reads the debrief.");
        }

        if (await scenarios.FindAsync(gameId) is not { } scenario)
        {
            return NotStarted();
        }

        var game = grains.GetGrain<IGameGrain>(gameId);
        if ((await game.GetSummary()).Phase != nameof(Domain.Negotiation.GamePhase.Ended))
        {
            return HubResults.Failure(HubErrorCodes.GameNotEnded, "Your game has not ended yet: the other parties' briefings stay confidential until it does.");
        }

        var session = await grains.GetGrain<IClassSessionGrain>(grant.ClassId).GetSummary();
        var classGames = await Task.WhenAll(session.GameIds.Select(id => grains.GetGrain<IGameGrain>(id).GetSummary()));
        var debrief = debriefs.Build(gameId, await GameLogs.ReadAllAsync(game));
        return EndScreens.Of(debrief, scenario, partyId, session.RevealBriefingsAfterEnd, classGames);
    }
}
