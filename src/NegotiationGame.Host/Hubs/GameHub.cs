using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Games;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Relay;
using NegotiationGame.Scenarios;
using ClassRequest = NegotiationGame.Contracts.Classes.CreateClassRequest;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// The one hub of the protocol (docs/protocol.md). It authorises every call from the token alone, then calls the
/// grains; it holds no game state, so any host can serve any game.
/// </summary>
public sealed class GameHub(IGrainFactory grains, TokenService tokens, GameEventRelay relay, DebriefBuilder debriefs, GameScenarios scenarios) : Hub
{
    public async Task<object> CreateClass(CreateClassRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scenarioName = request.Scenario ?? BundledScenarios.Default;
        if (BundledScenarios.FindJson(scenarioName) is not { } scenarioJson)
        {
            return HubResults.Failure("UnknownScenario", $"There is no scenario '{scenarioName}' (bundled: {string.Join(", ", BundledScenarios.Names)}).");
        }

        var classId = "c-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        ClassSummary summary;
        try
        {
            summary = await grains.GetGrain<IClassSessionGrain>(classId).Create(new ClassRequest(
                request.Title ?? "Negotiation class", scenarioJson, request.Games, request.BriefingSeconds, request.RoundSeconds, request.Seed, request.SpectatorDelaySeconds));
        }
        catch (ArgumentException exception)
        {
            return HubResults.Invalid(exception.Message);
        }

        return new
        {
            ok = true,
            classId,
            instructorToken = tokens.Issue(new AccessGrant(AccessRole.Instructor, classId, null, null, null)),
            gameIds = summary.GameIds,
            lobbyCode = summary.JoinCodes.Single(code => code.GameId is null).Code,
            joinCodes = summary.JoinCodes.Where(code => code.GameId is not null).Select(code => new { code = code.Code, gameId = code.GameId, partyId = code.PartyId }),
            spectatorTokens = summary.GameIds.ToDictionary(game => game, game => tokens.Issue(new AccessGrant(AccessRole.Spectator, classId, game, null, null))),
        };
    }

    public async Task<object> JoinClass(JoinClassRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ClassId) || string.IsNullOrWhiteSpace(request.Code))
        {
            return HubResults.Invalid("Give the class id and your join code.");
        }

        var seatId = Guid.NewGuid();
        JoinOutcome outcome;
        try
        {
            outcome = await grains.GetGrain<IClassSessionGrain>(request.ClassId).Join(request.Code, request.Name ?? string.Empty, seatId);
        }
        catch (KeyNotFoundException)
        {
            return HubResults.Failure("UnknownCode", "That join code does not belong to a class here.");
        }

        if (outcome.Seat is not { } seat)
        {
            return HubResults.Failure(outcome.ErrorCode!, outcome.ErrorMessage!);
        }

        return new
        {
            ok = true,
            token = tokens.Issue(new AccessGrant(AccessRole.Player, request.ClassId, seat.GameId, seat.PartyId, seat.SeatId)),
            gameId = seat.GameId,
            partyId = seat.PartyId,
            seatId = seat.SeatId,
        };
    }

    public async Task<object> StartClass(StartClassRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Instructor(request.Token) is not { } grant)
        {
            return Refusal(request.Token);
        }

        if (!BotStrategyNames.TryParse(request.Bots ?? "conceder", out var strategy))
        {
            return HubResults.Invalid("bots must be boulware, conceder, linear or tit-for-tat.");
        }

        var summary = await grains.GetGrain<IClassSessionGrain>(grant.ClassId).Start(BotStrategyNames.ToName(strategy));
        return new { ok = true, @class = summary };
    }

    public async Task<object> GetClass(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Instructor(request.Token) is not { } grant)
        {
            return Refusal(request.Token);
        }

        var summary = await grains.GetGrain<IClassSessionGrain>(grant.ClassId).GetSummary();
        var games = summary.Started
            ? await Task.WhenAll(summary.GameIds.Select(game => grains.GetGrain<IGameGrain>(game).GetSummary()))
            : [];
        var scenario = summary.Started ? await scenarios.FindAsync(summary.GameIds[0]) : BundledScenarios.FindJson(summary.ScenarioId) is not null ? BundledScenarios.Load(summary.ScenarioId) : null;
        return new { ok = true, @class = summary, games, scenario = scenario is null ? null : ScenarioView.Of(scenario) };
    }

    public async Task<object> SetRevealPolicy(RevealPolicyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Instructor(request.Token) is not { } grant)
        {
            return Refusal(request.Token);
        }

        var summary = await grains.GetGrain<IClassSessionGrain>(grant.ClassId).SetRevealPolicy(request.RevealPrivateAfterEnd);
        return new { ok = true, @class = summary };
    }

    public async Task<object> Instruct(InstructRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Instructor(request.Token) is not { } grant)
        {
            return Refusal(request.Token);
        }

        if (request.GameId is not { } gameId || !grant.MayWatch(gameId))
        {
            return HubResults.Forbidden("That game is not in your class.");
        }

        if (CommandReader.ReadInstructorCommand(request.Command) is not { } body)
        {
            return HubResults.Invalid("command.type must be one of startBriefing, startNegotiation, processNow, pause, resume, extend (with seconds), news (with headline) or end.");
        }

        return HubResults.Of(await grains.GetGrain<IGameGrain>(gameId).Execute(new(Guid.NewGuid(), Contracts.Commands.Actors.Instructor, body)));
    }

    public async Task<object> Act(ActRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tokens.Read(request.Token) is not { } grant)
        {
            return HubResults.Unauthorized();
        }

        // A player acts for the party of its token; the instructor may act for any party of its class (teacher sandbox).
        var (gameId, partyId) = grant.Role switch
        {
            AccessRole.Player => (grant.GameId, grant.PartyId),
            AccessRole.Instructor when request.GameId is { } game && grant.MayWatch(game) => (game, request.PartyId),
            _ => (null, null),
        };
        if (gameId is null || partyId is null)
        {
            return HubResults.Forbidden(grant.Role == AccessRole.Spectator
                ? "Spectators watch; they cannot act in the game."
                : "Name a game of your class and a party to act for.");
        }

        if (request.CommandId is not { } commandId || CommandReader.ReadPartyCommand(request.Command) is not { } body)
        {
            return HubResults.Invalid("Send a commandId (a UUID) and a command whose type is table, accept, reject, withdraw, counter, sign or walkAway.");
        }

        return HubResults.Of(await grains.GetGrain<IPartyGrain>(PartyKeys.Of(gameId, partyId)).Act(commandId, body));
    }

    public async Task<object> GetView(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tokens.Read(request.Token) is not { Role: AccessRole.Player, GameId: { } gameId, PartyId: { } partyId })
        {
            return tokens.Read(request.Token) is null ? HubResults.Unauthorized() : HubResults.Forbidden("Only a player has a party view.");
        }

        if (await scenarios.FindAsync(gameId) is not { } scenario)
        {
            return NotStarted();
        }

        var view = await grains.GetGrain<IPartyGrain>(PartyKeys.Of(gameId, partyId)).GetView();
        return new { ok = true, view, scenario = ScenarioView.Of(scenario) };
    }

    public async Task<object> Watch(WatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tokens.Read(request.Token) is not { } grant)
        {
            return HubResults.Unauthorized();
        }

        if (request.GameId is not { } gameId || !grant.MayWatch(gameId))
        {
            return HubResults.Forbidden("Your token does not give access to that game.");
        }

        if (await scenarios.FindAsync(gameId) is not { } scenario)
        {
            return NotStarted();
        }

        // Join the groups and make sure the game notifies this host before reading what was missed: an event appended
        // in between is then both read and pushed (the client drops the duplicate) rather than lost. Private channels
        // are revealed to everyone once the game has ended.
        // Spectators sit in their own group, which receives every event only after the class's spectator delay.
        var game = grains.GetGrain<IGameGrain>(gameId);
        var spectator = grant.Role == AccessRole.Spectator;
        var classSummary = await grains.GetGrain<IClassSessionGrain>(grant.ClassId).GetSummary();
        var revealed = classSummary.RevealPrivateAfterEnd && (await game.GetSummary()).Phase == "Ended";
        var delay = TimeSpan.FromSeconds(classSummary.SpectatorDelaySeconds);
        if (!spectator)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Audience.Participants(gameId));
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Audience.Viewer(gameId, grant));
        await relay.WatchAsync(gameId, [.. scenario.Parties.Select(party => party.Id)], delay);
        if (spectator)
        {
            await CountSpectatorAsync(game, gameId);
        }

        var visibleUntil = spectator ? DateTimeOffset.UtcNow - delay : DateTimeOffset.MaxValue;
        var missed = new List<object>();
        for (var after = Math.Max(0, request.AfterSequence); ;)
        {
            var page = await game.ReadLog(after, 500);
            if (page.IsEmpty)
            {
                break;
            }

            missed.AddRange(page
                .Where(entry => entry.Type != GameCreated.TypeName && entry.At <= visibleUntil)
                .Select(entry => Audience.Message(gameId, entry, Audience.MayRead(grant, entry, revealed))));
            after = page[^1].Sequence;
        }

        return new { ok = true, events = missed, summary = await game.GetSummary(), scenario = ScenarioView.Of(scenario), spectatorDelaySeconds = delay.TotalSeconds };
    }

    public async Task<object> GetDebrief(WatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Instructor(request.Token) is not { } grant)
        {
            return Refusal(request.Token);
        }

        if (request.GameId is not { } gameId || !grant.MayWatch(gameId))
        {
            return HubResults.Forbidden("That game is not in your class.");
        }

        var log = await GameLogs.ReadAllAsync(grains.GetGrain<IGameGrain>(gameId));
        return log.Count == 0 ? NotStarted() : debriefs.Build(gameId, log);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(SpectatingKey, out var value) && value is HashSet<string> games)
        {
            foreach (var gameId in games)
            {
                await grains.GetGrain<IGameGrain>(gameId).SetSpectator(SpectatorKey, watching: false);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    private const string SpectatingKey = "spectating";

    private string SpectatorKey => $"{relay.HostKey}/{Context.ConnectionId}";

    /// <summary>Counts this connection as a spectator of the game until it disconnects.</summary>
    private async Task CountSpectatorAsync(IGameGrain game, string gameId)
    {
        if (!Context.Items.TryGetValue(SpectatingKey, out var value) || value is not HashSet<string> games)
        {
            games = new HashSet<string>(StringComparer.Ordinal);
            Context.Items[SpectatingKey] = games;
        }

        games.Add(gameId);
        await game.SetSpectator(SpectatorKey, watching: true);
    }

    private AccessGrant? Instructor(string? token) => tokens.Read(token) is { Role: AccessRole.Instructor } grant ? grant : null;

    private object Refusal(string? token) => tokens.Read(token) is null
        ? HubResults.Unauthorized()
        : HubResults.Forbidden("Only the instructor of the class can do that.");

    private static object NotStarted() =>
        HubResults.Failure("GameNotFound", "This game has not been created yet: the instructor has not started the class.");
}
