using NegotiationGame.Contracts.Classes;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// The player's briefing (docs/protocol.md, "getBriefing"): the role a seat plays, served from the class's scenario
/// before the games exist and from the game's once it runs, so that students prepare in the lobby.
/// </summary>
public sealed partial class GameHub
{
    public async Task<HubResult> GetBriefing(HubRequest<TokenRequest> argument)
    {
        var grant = await GrantAsync(argument.Value.Token);
        if (grant is not { Role: AccessRole.Player, GameId: { } gameId, PartyId: { } partyId })
        {
            return grant is null ? HubResults.Unauthorized() : HubResults.Forbidden("Only a player has a briefing.");
        }

        var scenario = await scenarios.FindAsync(gameId)
            ?? SharedScenarios.Load(await grains.GetGrain<IClassSessionGrain>(grant.ClassId).GetScenarioJson()).Scenario;
        var party = scenario.PartyIndexOf(partyId);
        return party < 0
            ? HubResults.Forbidden("Your seat's role is not a party of the scenario.")
            : new BriefingResult(PartyBriefing.Of(gameId, scenario, party), PublicScenario.Of(scenario));
    }
}
