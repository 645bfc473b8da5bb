using System.Collections.Immutable;
using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Client;
using NegotiationGame.Host.Hubs.Results;
using NegotiationGame.Host.Relay;
using NegotiationGame.Host.Scenarios;
using ClassRequest = NegotiationGame.Contracts.Classes.CreateClassRequest;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// The one hub of the protocol (docs/protocol.md). It authorises every call from the token alone, then calls the
/// grains; it holds no game state, so any host can serve any game. Arguments arrive bound (<see cref="HubRequest{T}"/>)
/// and refusals are typed by <see cref="HubErrorFilter"/>, so each method is only its own logic.
/// </summary>
public sealed partial class GameHub(
    IGrainFactory grains, TokenService tokens, ConnectionGrants connectionGrants, GameEventRelay relay, ClassFeeds classFeeds, GameWatch watches, DebriefBuilder debriefs, GameScenarios scenarios, ClassScenarios classScenarios)
    : Hub<IGameClient>
{
    public async Task<HubResult> CreateClass(HubRequest<CreateClassRequest> argument)
    {
        var request = argument.Value;
        var (scenarioJson, scenarioRefusal) = await classScenarios.ResolveAsync(request.Scenario, request.ScenarioJson);
        if (scenarioJson is null)
        {
            return scenarioRefusal!;
        }

        var classId = "c-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        ClassSummary summary;
        try
        {
            summary = await grains.GetGrain<IClassSessionGrain>(classId).Create(new ClassRequest(
                request.Title, scenarioJson, request.Games, request.BriefingSeconds, request.RoundSeconds, request.Seed, request.SpectatorDelaySeconds, request.MaxSeatsPerRole));
        }
        catch (ArgumentException exception)
        {
            return HubResults.Invalid(exception.Message);
        }

        if (request.ScenarioJson is not null)
        {
            await classScenarios.KeepAsync(request.ScenarioJson, request.Title, mustKeep: false);
        }

        return new CreateClassResult(
            classId,
            tokens.Issue(new AccessGrant(AccessRole.Instructor, classId, null, null, null)),
            summary.GameIds,
            summary.JoinCodes.Single(code => code.GameId is null).Code,
            [.. summary.JoinCodes.Where(code => code.GameId is not null).Select(code => new RoleJoinCode(code.Code, code.GameId!, code.PartyId!))],
            summary.GameIds.ToImmutableDictionary(game => game, game => tokens.Issue(new AccessGrant(AccessRole.Spectator, classId, game, null, null))));
    }

    /// <summary>Every scenario createClass may name: the bundled ones and the server's library of uploads.</summary>
    public async Task<HubResult> ListScenarios(HubRequest<ListScenariosRequest> _) => new ScenarioListResult([.. await classScenarios.ListAsync()]);

    /// <summary>Checks a scenario file and keeps it in the library, with a preview for the instructor's form.</summary>
    public async Task<HubResult> UploadScenario(HubRequest<UploadScenarioRequest> argument)
    {
        var (uploaded, refusal) = await classScenarios.UploadAsync(argument.Value.ScenarioJson);
        return uploaded is null
            ? refusal!
            : new UploadScenarioResult(ScenarioChoice.OfEntry(uploaded.Entry), uploaded.Kept, PublicScenario.Of(uploaded.Scenario), (long)uploaded.Scenario.OutcomeCount);
    }

    /// <summary>Converts a GENIUS domain and its profiles into a scenario file, keeping nothing.</summary>
    public Task<HubResult> ImportGenius(HubRequest<ImportGeniusRequest> argument) => classScenarios.ImportGeniusAsync(argument.Value);

    public async Task<HubResult> JoinClass(HubRequest<JoinClassRequest> argument)
    {
        var request = argument.Value;
        if (string.IsNullOrWhiteSpace(request.ClassId) || string.IsNullOrWhiteSpace(request.Code))
        {
            return HubResults.Invalid("Give the class id and your join code.");
        }

        JoinOutcome outcome;
        try
        {
            outcome = await grains.GetGrain<IClassSessionGrain>(request.ClassId).Join(request.Code, request.Name, Guid.NewGuid());
        }
        catch (KeyNotFoundException)
        {
            return HubResults.Failure(HubErrorCodes.UnknownCode, "That join code does not belong to a class here.");
        }

        if (outcome.Seat is not { } seat)
        {
            return HubResults.Failure(outcome.ErrorCode!, outcome.ErrorMessage!);
        }

        return Seated(request.ClassId, outcome);
    }

    public async Task<HubResult> StartClass(HubRequest<StartClassRequest> argument)
    {
        var request = argument.Value;
        var (grant, refusal) = await InstructorAsync(request.Token);
        if (grant is null)
        {
            return refusal!;
        }

        if (!BotStrategyNames.TryParse(request.Bots, out var strategy))
        {
            return HubResults.Invalid("bots must be boulware, conceder, linear or tit-for-tat.");
        }

        return new ClassResult(await grains.GetGrain<IClassSessionGrain>(grant.ClassId).Start(BotStrategyNames.ToName(strategy), request.UntimedBriefing));
    }

    public async Task<HubResult> GetClass(HubRequest<TokenRequest> argument)
    {
        var request = argument.Value;
        var (grant, refusal) = await InstructorAsync(request.Token);
        if (grant is null)
        {
            return refusal!;
        }

        var summary = await grains.GetGrain<IClassSessionGrain>(grant.ClassId).GetSummary();
        var games = summary.Started
            ? await Task.WhenAll(summary.GameIds.Select(game => grains.GetGrain<IGameGrain>(game).GetSummary()))
            : [];
        var scenario = summary.Started
            ? await scenarios.FindAsync(summary.GameIds[0])
            : SharedScenarios.Load(await grains.GetGrain<IClassSessionGrain>(grant.ClassId).GetScenarioJson()).Scenario;
        return new ClassOverviewResult(summary, [.. games], scenario is null ? null : PublicScenario.Of(scenario));
    }

    public async Task<HubResult> SetRevealPolicy(HubRequest<RevealPolicyRequest> argument)
    {
        var request = argument.Value;
        var (grant, refusal) = await InstructorAsync(request.Token);
        if (grant is null)
        {
            return refusal!;
        }

        var session = grains.GetGrain<IClassSessionGrain>(grant.ClassId);
        if (request.RevealBriefingsAfterEnd is { } revealBriefings)
        {
            await session.SetBriefingRevealPolicy(revealBriefings);
        }

        return new ClassResult(await session.SetRevealPolicy(request.RevealPrivateAfterEnd));
    }

    public async Task<HubResult> Instruct(HubRequest<InstructRequest> argument)
    {
        var request = argument.Value;
        var (grant, refusal) = await InstructorAsync(request.Token, request.GameId);
        if (grant is null)
        {
            return refusal!;
        }

        var command = new GameCommandRequest(Guid.NewGuid(), Actors.Instructor, request.Command.ToBody());
        return HubResults.Of(await grains.GetGrain<IGameGrain>(request.GameId).Execute(command));
    }

    public async Task<HubResult> Act(HubRequest<ActRequest> argument)
    {
        var request = argument.Value;
        // A player's seat is checked by the game, which keeps what the class said of it.
        if (await VerifiedAsync(request.Token, checkSeat: false) is not { } verified)
        {
            return HubResults.Unauthorized();
        }

        if (verified.PlayerGame(grains) is { } playedGame)
        {
            var command = new GameCommandRequest(request.CommandId, verified.Grant.PartyId!, request.Command.ToBody());
            var outcome = verified.Grant.SeatId is { } seatId
                ? await playedGame.ExecuteFromSeat(new PlayerSeat(verified.Grant.ClassId, seatId, verified.Grant.SeatGeneration), command)
                : await playedGame.Execute(command);
            return outcome is null ? HubResults.Unauthorized() : HubResults.Of(outcome);
        }

        var grant = verified.Grant;
        // The instructor may act for any party of its class (teacher sandbox).
        var (gameId, partyId) = grant.Role switch
        {
            AccessRole.Instructor when request.GameId is { } game && grant.MayWatch(game) => (game, request.PartyId),
            _ => (null, null),
        };
        if (gameId is null || partyId is null)
        {
            return HubResults.Forbidden(grant.Role == AccessRole.Spectator
                ? "Spectators watch; they cannot act in the game."
                : "Name a game of your class and a party to act for.");
        }

        return HubResults.Of(await grains.GetGrain<IPartyGrain>(PartyKeys.Of(gameId, partyId)).Act(request.CommandId, request.Command.ToBody()));
    }

    public async Task<HubResult> GetView(HubRequest<TokenRequest> argument)
    {
        var request = argument.Value;
        var grant = await GrantAsync(request.Token);
        if (grant is not { Role: AccessRole.Player, GameId: { } gameId, PartyId: { } partyId })
        {
            return grant is null ? HubResults.Unauthorized() : HubResults.Forbidden("Only a player has a party view.");
        }

        if (await scenarios.FindAsync(gameId) is not { } scenario)
        {
            return NotStarted();
        }

        var view = await grains.GetGrain<IPartyGrain>(PartyKeys.Of(gameId, partyId)).GetView();
        return new PartyViewResult(view, PublicScenario.Of(scenario));
    }

    public async Task<HubResult> Watch(HubRequest<WatchRequest> argument)
    {
        var request = argument.Value;
        if (await GrantAsync(request.Token) is not { } grant)
        {
            return HubResults.Unauthorized();
        }

        var gameId = request.GameId;
        if (!grant.MayWatch(gameId))
        {
            return HubResults.Forbidden("Your token does not give access to that game.");
        }

        return await watches.WatchAsync(Context, grant, gameId, request.AfterSequence, request.Batch) is { } watched ? watched : NotStarted();
    }

    public async Task<HubResult> GetDebrief(HubRequest<GameRequest> argument)
    {
        var request = argument.Value;
        var (grant, refusal) = await InstructorAsync(request.Token, request.GameId);
        if (grant is null)
        {
            return refusal!;
        }

        var log = await GameLogs.ReadAllAsync(grains.GetGrain<IGameGrain>(request.GameId));
        return log.Count == 0 ? NotStarted() : debriefs.Build(request.GameId, log);
    }

    /// <summary>A new instructor token for the class (to open it in another browser); every earlier one stops working.</summary>
    public async Task<HubResult> ReissueInstructorLink(HubRequest<TokenRequest> argument)
    {
        var request = argument.Value;
        var (grant, refusal) = await InstructorAsync(request.Token);
        if (grant is null)
        {
            return refusal!;
        }

        var generation = await grains.GetGrain<IClassSessionGrain>(grant.ClassId).ReissueInstructorLink();
        return new InstructorLinkResult(tokens.Issue(grant with { InstructorGeneration = generation }));
    }

    /// <summary>
    /// A link that downloads one file for a few minutes: a game's log with <c>gameId</c>, else the class's summary.
    /// Download links never carry the instructor token, which would then sit in browser histories and server logs.
    /// </summary>
    public async Task<HubResult> CreateDownloadLink(HubRequest<DownloadRequest> argument)
    {
        var request = argument.Value;
        var (grant, refusal) = await InstructorAsync(request.Token, request.GameId);
        if (grant is null)
        {
            return refusal!;
        }

        var ticket = Uri.EscapeDataString(tokens.IssueTicket(new DownloadTicket(grant.ClassId, request.GameId, grant.InstructorGeneration)));
        var url = request.GameId is { } game
            ? $"/api/games/{Uri.EscapeDataString(game)}/log.jsonl?ticket={ticket}"
            : $"/api/classes/{Uri.EscapeDataString(grant.ClassId)}/summary.csv?ticket={ticket}";
        return new DownloadLinkResult(url);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await relay.DisconnectAsync(Context.ConnectionId);
        classFeeds.Forget(Context.ConnectionId);
        connectionGrants.Forget(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>What the token grants, or null (see <see cref="VerifiedAsync"/>).</summary>
    private async Task<AccessGrant?> GrantAsync(string? token) => (await VerifiedAsync(token))?.Grant;

    /// <summary>
    /// The connection's verified grant of the token, or null. What can end while the token lives is asked every time:
    /// an instructor's counts only while its class has not reissued the link, and a player's only while its seat holds
    /// the same role at the same generation (not moved, released or handed on).
    /// </summary>
    private async Task<ConnectionGrant?> VerifiedAsync(string? token, bool checkSeat = true) => connectionGrants.Read(Context.ConnectionId, token) switch
    {
        { Grant.Role: AccessRole.Instructor } verified =>
            await grains.GetGrain<IClassSessionGrain>(verified.Grant.ClassId).GetInstructorGeneration() == verified.Grant.InstructorGeneration ? verified : null,
        { Grant: { Role: AccessRole.Player, SeatId: { } seatId } } verified when checkSeat => await SeatStillHoldsAsync(verified.Grant, seatId) ? verified : null,
        var verified => verified,
    };

    /// <summary>
    /// The instructor's grant, or why the call is refused: no valid token, a token that is not the instructor's, or
    /// (with <paramref name="gameId"/>) a game outside the instructor's class.
    /// </summary>
    private async Task<(AccessGrant? Grant, HubFailure? Refusal)> InstructorAsync(string? token, string? gameId = null)
    {
        var grant = await GrantAsync(token);
        if (grant is not { Role: AccessRole.Instructor })
        {
            return (null, grant is null ? HubResults.Unauthorized() : HubResults.Forbidden("Only the instructor of the class can do that."));
        }

        return gameId is not null && !grant.MayWatch(gameId) ? (null, HubResults.Forbidden("That game is not in your class.")) : (grant, null);
    }

    private static HubFailure NotStarted() =>
        HubResults.Failure(ServiceErrorCodes.GameNotFound, "This game has not been created yet: the instructor has not started the class.");
}
