using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Games;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Limits;

namespace NegotiationGame.Host;

/// <summary>
/// Downloads for the instructor: a game's log as JSON Lines (lossless, importable with <c>negotiationgame import</c>)
/// and a class's CSV summary, one row per game. Each needs a download ticket from the hub's
/// <c>createDownloadLink</c>: short-lived, for that one file, and void once the instructor reissues the class's link.
/// </summary>
internal static class Exports
{
    public static void MapExports(this WebApplication app)
    {
        var downloads = app.MapGroup("/api").RequireRateLimiting(HttpRateLimits.Downloads);
        downloads.MapGet("/games/{gameId}/log.jsonl", async (string gameId, string? ticket, TokenService tokens, IGrainFactory grains) =>
        {
            if (!await IsValidAsync(tokens.ReadTicket(ticket), grains, ticket => ticket.GameId == gameId))
            {
                return Results.Unauthorized();
            }

            var log = await GameLogs.ReadAllAsync(grains.GetGrain<IGameGrain>(gameId));
            if (log.Count == 0)
            {
                return Results.NotFound();
            }

            await using var text = new StringWriter();
            GameLogFile.Write(text, gameId, log);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "application/x-ndjson", $"{gameId}.jsonl");
        });

        downloads.MapGet("/classes/{classId}/summary.csv", async (string classId, string? ticket, TokenService tokens, IGrainFactory grains) =>
        {
            if (!await IsValidAsync(tokens.ReadTicket(ticket), grains, ticket => ticket.GameId is null && ticket.ClassId == classId))
            {
                return Results.Unauthorized();
            }

            var summary = await grains.GetGrain<IClassSessionGrain>(classId).GetSummary();
            var games = new List<(string GameId, GameRecord Record)>();
            foreach (var gameId in summary.GameIds)
            {
                var log = await GameLogs.ReadAllAsync(grains.GetGrain<IGameGrain>(gameId));
                if (log.Count > 0)
                {
                    games.Add((gameId, GameRecord.Replay(log)));
                }
            }

            await using var text = new StringWriter();
            GameSummaryCsv.Write(text, games, summary.PlayersOf);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv", $"{classId}-summary.csv");
        });
    }

    private static async Task<bool> IsValidAsync(DownloadTicket? ticket, IGrainFactory grains, Func<DownloadTicket, bool> names) =>
        ticket is not null && names(ticket) &&
        await grains.GetGrain<IClassSessionGrain>(ticket.ClassId).GetInstructorGeneration() == ticket.InstructorGeneration;
}
