using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// Downloads a game's log the way the instructor's debrief page does (a download link over the hub, then a GET) and
/// checks it: sequences from 1 with no gap, and the last one the last any client was told of.
/// </summary>
internal static class LogCheck
{
    private const int MaxTries = 30;

    public static async Task<LogFinding> CheckAsync(HttpClient http, Uri node, HubConnection instructor, string instructorToken, string gameId, long expectedLast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        for (var attempt = 1; ; attempt++)
        {
            var link = await HubClient.CallAsync(instructor, "createDownloadLink", new { token = instructorToken, gameId }, cancellationToken);
            using var response = await http.GetAsync(new Uri(node, link.GetProperty("url").GetString()), cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxTries)
            {
                // The server limits downloads per address; wait as it asks, a few seconds at most each time.
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(TimeSpan.FromTicks(Math.Clamp(wait.Ticks, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(5).Ticks)), cancellationToken);
                continue;
            }

            response.EnsureSuccessStatusCode();
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return Check(text, expectedLast);
        }
    }

    /// <summary>Checks a JSON Lines log (a header, then one entry a line).</summary>
    public static LogFinding Check(string text, long expectedLast)
    {
        ArgumentNullException.ThrowIfNull(text);
        long last = 0, gaps = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            using var entry = JsonDocument.Parse(line);
            var sequence = entry.RootElement.GetProperty("sequence").GetInt64();
            gaps += sequence == last + 1 ? 0 : 1;
            last = sequence;
        }

        return new LogFinding(text.Length, gaps, last, last == expectedLast);
    }
}

/// <summary>A downloaded log's size in characters, its gaps (or steps back), its last sequence, and whether that is the one clients saw last.</summary>
internal sealed record LogFinding(long Length, long Gaps, long Last, bool EndsWhereClientsEnded);
