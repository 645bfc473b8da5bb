using System.Text.Json;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>
/// The web UI itself, in Chromium, moving off a SIGKILLed node (node/webmove.mjs drives the pages and kills the
/// node): the pages find a survivor from <c>/api/nodes</c> alone, tell the student where they went, catch up the events
/// they missed exactly once, a move made there lands once, and a download goes to the survivor.
/// </summary>
[Collection(nameof(ClusterTests))]
public sealed class WebUiMoveTests
{
    [Fact]
    public async Task Pages_of_a_SIGKILLed_node_move_to_a_survivor_show_what_they_missed_once_and_their_moves_land_once()
    {
        await using var cluster = await NodeCluster.StartAsync(nodes: 3, listed: true);
        var victim = cluster.Nodes[0];
        var survivor = cluster.Addresses[1];

        var (exitCode, lines, errors) = await NodeScripts.RunAsync(
            "webmove.mjs", TimeSpan.FromSeconds(240), string.Join(',', cluster.Addresses.Select(address => address.ToString().TrimEnd('/'))), victim.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains("the pages say: Reconnecting… trying " + survivor.Authority, lines);
        Assert.Contains("the pages say: Live · moved to " + survivor.Authority, lines);
        Assert.Contains("the summary came from " + survivor.Authority, lines);
        var result = JsonDocument.Parse(lines[^1]["result ".Length..]).RootElement;
        var gameId = result.GetProperty("gameId").GetString()!;
        var log = await cluster.ReadLogAsync(gameId);

        // Each page listed every entry after GameCreated exactly once, in order: the ones the US made while the pages
        // were away among them.
        var everyEntrySent = log.Skip(1).Select(entry => entry.Sequence).ToList();
        Assert.Equal(everyEntrySent, Sequences(result.GetProperty("student")));
        Assert.Equal(everyEntrySent, Sequences(result.GetProperty("spectator")));
        Assert.Contains(result.GetProperty("offerSequence").GetInt64(), everyEntrySent);

        // The student's accept, made in the page on the survivor, is in PostgreSQL once.
        var offerId = result.GetProperty("offerId").GetInt32();
        Assert.Single(log, entry => entry.Type == "OfferAccepted" && IsUkraineAccepting(entry, offerId));
        Assert.Equal("GameEnded", log[^1].Type);
    }

    private static List<long> Sequences(JsonElement sequences) => [.. sequences.EnumerateArray().Select(sequence => sequence.GetInt64())];

    private static bool IsUkraineAccepting(LoggedEvent entry, int offerId)
    {
        var data = JsonDocument.Parse(entry.Data).RootElement;
        return data.GetProperty("party").GetString() == "ukraine" && data.GetProperty("offerId").GetInt32() == offerId;
    }
}
