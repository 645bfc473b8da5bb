using System.Text.Json;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Sqlite;

namespace NegotiationGame.Host.Tests;

public sealed class ShutdownTests
{
    private static readonly TimeSpan ShutdownLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SIGTERM_while_commands_are_in_flight_exits_0_within_ten_seconds_with_every_acknowledged_event_in_the_file()
    {
        await using var server = await ServerProcess.StartAsync();
        await using var instructor = await server.ConnectAsync();
        // A spectator delay gives the relay a delayed sender to stop, which is what used to crash the shutdown.
        var created = (await instructor.CallAsync("createClass", new { games = 1, spectatorDelaySeconds = 30 })).Ok();
        var token = created.GetProperty("instructorToken").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        (await instructor.CallAsync("startClass", new { token, bots = "linear" })).Ok();
        await using var spectator = await server.ConnectAsync();
        (await spectator.CallAsync("watch", new { token = created.GetProperty("spectatorTokens").GetProperty(gameId).GetString(), gameId })).Ok();
        (await instructor.CallAsync("watch", new { token, gameId })).Ok();

        var acknowledged = new List<(string Text, long LastSequence)>();
        var enoughPlayed = new TaskCompletionSource();
        var playing = Task.Run(async () =>
        {
            // Commands go on until the server goes away, so some are in flight when SIGTERM arrives.
            for (var i = 0; ; i++)
            {
                var text = $"statement {i}";
                JsonElement result;
                try
                {
                    result = await instructor.CallAsync("act", new { token, gameId, partyId = "us", commandId = Guid.NewGuid(), command = new { type = "statement", text } });
                }
                catch (Exception exception)
                {
                    // Expected once the server stops; before that, a failure of the test.
                    enoughPlayed.TrySetException(exception);
                    return;
                }

                if (result.GetProperty("ok").GetBoolean())
                {
                    acknowledged.Add((text, result.GetProperty("lastSequence").GetInt64()));
                }

                if (acknowledged.Count == 40)
                {
                    enoughPlayed.TrySetResult();
                }
            }
        });
        await enoughPlayed.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var exitCode = await server.TerminateAsync(ShutdownLimit);
        await playing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, $"exit status {exitCode}; the server's output:\n{server.Output}");
        await using var store = new SqliteEventStore(server.DataPath);
        var log = await store.ReadAsync(EventStreams.Game(gameId), 0, int.MaxValue);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(entry => entry.Sequence));
        Assert.True(log.Count >= acknowledged.Max(ack => ack.LastSequence));
        var statements = log.Where(entry => entry.Type == "StatementMade").Select(entry => JsonDocument.Parse(entry.Data).RootElement.GetProperty("text").GetString()).ToList();
        foreach (var (text, _) in acknowledged)
        {
            Assert.Single(statements, text);
        }
    }
}
