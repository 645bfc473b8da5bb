using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace NegotiationGame.LoadTests.Baselines;

/// <summary>
/// A bare SignalR hub that answers the protocol's calls the load generator makes (createClass, joinClass, startClass,
/// watch, act) with no game behind them: tokens are plain strings, nothing is stored or checked. With fan-out, each
/// <c>act</c> pushes one event, shaped like the server's, to every connection watching the game (its 4 players and
/// S spectators), as a command's events reach them from the real server; without, <c>act</c> only answers.
/// </summary>
internal sealed class EchoHub(EchoGames games) : Hub
{
    public object CreateClass(JsonElement request) => games.CreateClass(request.TryGetProperty("games", out var count) ? count.GetInt32() : 1);

    public object JoinClass(JsonElement request) => games.Join(request.GetProperty("code").GetString()!);

    public object StartClass(JsonElement request) => games.Served;

    public async Task<object> Watch(JsonElement request)
    {
        var gameId = request.GetProperty("gameId").GetString()!;
        if (games.FanOut)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, gameId);
        }

        return new { ok = true, events = Array.Empty<object>(), more = false, scenario = games.Scenario, spectatorDelaySeconds = 0 };
    }

    public async Task<object> Act(JsonElement request)
    {
        if (!games.FanOut)
        {
            return new { ok = true, lastSequence = 0 };
        }

        // A player's token is "player/<game>/<party>".
        var token = request.GetProperty("token").GetString()!;
        var party = token[(token.LastIndexOf('/') + 1)..];
        var gameId = token["player/".Length..token.LastIndexOf('/')];
        var command = request.GetProperty("command");
        var (sequence, sent) = games.Publish(gameId, sequence => Clients.Group(gameId).SendAsync("gameEvent", EchoGames.EventOf(gameId, sequence, party, command)));
        await sent;
        return new { ok = true, lastSequence = sequence };
    }
}
