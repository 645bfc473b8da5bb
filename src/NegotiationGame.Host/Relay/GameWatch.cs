using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NegotiationGame.Contracts;
using NegotiationGame.Storage;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Games;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// What <c>watch</c> does once the hub has checked the token: it subscribes the connection, then reads one page of
/// what the connection missed. Players and the instructor read the live log; spectators of a delayed class read the
/// log only as far as their delayed view has been shown, with the summary and the reveal of that view.
/// </summary>
public sealed class GameWatch(IGrainFactory grains, GameEventRelay relay, GameScenarios scenarios, IOptions<FanoutSettings> options)
{
    private readonly int _pageSize = Math.Max(1, options.Value.WatchPageSize);

    /// <summary>
    /// The reply, <c>Unauthorized</c> when the player's seat changed while the watch was being set up, or null while
    /// the game does not exist (the class has not started).
    /// </summary>
    public async Task<HubResult?> WatchAsync(HubCallerContext connection, AccessGrant grant, string gameId, long afterSequence, bool batched = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(grant);
        if (await scenarios.FindAsync(gameId) is not { } scenario)
        {
            return null;
        }

        var game = grains.GetGrain<IGameGrain>(gameId);
        var @class = await grains.GetGrain<IClassSessionGrain>(grant.ClassId).GetSummary();
        var delay = TimeSpan.FromSeconds(@class.SpectatorDelaySeconds);
        var (feed, watcher) = await relay.WatchAsync(connection, grant, gameId, delay, batched);
        // The hub checked the seat before this host registered with the game; a change in between was not heard here.
        if (grant is { Role: AccessRole.Player, SeatId: { } seatId } && !grant.IsHeldBy(await grains.GetGrain<IClassSessionGrain>(grant.ClassId).GetSeat(seatId)))
        {
            await relay.StopWatchingAsync(connection.ConnectionId, gameId);
            return HubResults.Unauthorized();
        }

        // Sequence 1 is the header, which clients never receive, so a page never comes back empty while more follow.
        var after = Math.Max(1, afterSequence);
        if (watcher.IsSpectator)
        {
            var spectators = await relay.CountSpectatorAsync(gameId, connection.ConnectionId);
            if (await feed.JoinSpectatorAsync(watcher, spectators) is { } view)
            {
                var shown = after < view.ShownThrough ? await game.ReadLog(after, (int)Math.Min(_pageSize, view.ShownThrough - after)) : [];
                var revealedToSpectators = @class.RevealPrivateAfterEnd && view.Ended;
                return Reply(gameId, grant, shown, view.ShownThrough, revealedToSpectators, view.Summary, scenario, delay);
            }
        }

        var page = await game.ReadLog(after, _pageSize);
        var summary = await game.GetSummary();
        var revealed = @class.RevealPrivateAfterEnd && summary.Phase == nameof(Domain.Negotiation.GamePhase.Ended);
        return Reply(gameId, grant, page, summary.LastSequence, revealed, summary, scenario, delay);
    }

    private static WatchResult Reply(
        string gameId, AccessGrant grant, ImmutableArray<LoggedEvent> page, long through, bool revealed, GameSummary summary, Domain.Scenarios.Scenario scenario, TimeSpan delay)
    {
        var events = page
            .Where(entry => entry.Type != GameCreated.TypeName && entry.Sequence <= through)
            .Select(entry => Audience.Message(gameId, entry, Audience.MayRead(grant, entry, revealed)))
            .ToList();
        var more = !page.IsEmpty && page[^1].Sequence < through;
        return new WatchResult(events, more, summary, PublicScenario.Of(scenario), delay.TotalSeconds);
    }
}
