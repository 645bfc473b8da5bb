using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Sqlite;

namespace NegotiationGame.Host.Tests;

/// <summary>
/// The server as a real child process, SIGKILLed again and again while three students and the bots play three games.
/// Each student keeps every command it sent until one is acknowledged, and after a crash sends the unacknowledged one
/// again with the same id, as the web UI does; in the end every acknowledged command is in its game's log exactly
/// once, every log is gap-free, and every game still moves on.
/// </summary>
public sealed class KillLoopTests
{
    private const int Kills = 5;
    private const int AcknowledgedPerLife = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Five_SIGKILLs_during_play_lose_and_double_no_acknowledged_command_and_every_game_goes_on()
    {
        await using var server = await ServerProcess.StartAsync();
        var (instructor, games, students) = await StartClassAsync(server);
        var acknowledged = games.ToDictionary(game => game, _ => new List<string>());
        var unanswered = new ConcurrentDictionary<string, (Guid Id, string Text)?>(students.Select(student => KeyValuePair.Create(student.Token, ((Guid, string)?)null)));

        for (var life = 0; life <= Kills; life++)
        {
            var connections = await Task.WhenAll(students.Select(_ => server.ConnectAsync()));
            var acknowledgedThisLife = 0;
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var playing = students.Select((student, index) => Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    var (id, text) = unanswered[student.Token] ?? (Guid.NewGuid(), $"life {life} student {index} statement {n}");
                    unanswered[student.Token] = (id, text);
                    JsonElement result;
                    try
                    {
                        result = await connections[index].CallAsync("act", new { token = student.Token, commandId = id, command = new { type = "statement", text } });
                    }
                    catch (Exception) when (life < Kills)
                    {
                        return; // The server died under this call; it stays unanswered and is sent again after the restart.
                    }

                    Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
                    lock (acknowledged)
                    {
                        acknowledged[student.Game].Add(text);
                    }

                    unanswered[student.Token] = null;
                    if (Interlocked.Increment(ref acknowledgedThisLife) == AcknowledgedPerLife)
                    {
                        enough.SetResult();
                    }

                    if (life == Kills && n >= AcknowledgedPerLife / students.Count)
                    {
                        return;
                    }
                }
            })).ToList();

            // A student that fails ends the wait at once with its own error; otherwise wait for enough acknowledgements.
            await Task.WhenAny(enough.Task, Task.WhenAll(playing)).WaitAsync(Patience);
            await Task.WhenAll(playing.Where(task => task.IsFaulted));
            Assert.True(enough.Task.IsCompleted, $"life {life}: the students stopped before {AcknowledgedPerLife} acknowledgements. Server output:\n{server.Output}");
            if (life == Kills)
            {
                await Task.WhenAll(playing).WaitAsync(Patience);
                break;
            }

            await server.KillAsync();
            await Task.WhenAll(playing).WaitAsync(Patience);
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }

            await server.RestartAsync();
        }

        await using (var control = await server.ConnectAsync())
        {
            foreach (var game in games)
            {
                var before = await RoundAsync(control, instructor, game);
                (await control.CallAsync("instruct", new { token = instructor, gameId = game, command = new { type = "processNow" } })).Ok();
                Assert.Equal(before + 1, await RoundAsync(control, instructor, game));
            }
        }

        await server.KillAsync();
        await using var store = new SqliteEventStore(server.DataPath);
        foreach (var game in games)
        {
            var log = await store.ReadAsync(EventStreams.Game(game), 0, int.MaxValue);
            Assert.Equal(Enumerable.Range(1, log.Count).Select(sequence => (long)sequence), log.Select(entry => entry.Sequence));
            var statements = log.Where(entry => entry.Type == "StatementMade")
                .Select(entry => JsonDocument.Parse(entry.Data).RootElement.GetProperty("text").GetString()!)
                .ToList();
            Assert.NotEmpty(acknowledged[game]);
            foreach (var text in acknowledged[game])
            {
                Assert.Single(statements, text);
            }

            Assert.Equal(statements.Count, statements.Distinct().Count());
            Assert.Contains(log, entry => entry.Type == "OfferTabled");
        }
    }

    private static async Task<(string Instructor, string[] Games, List<(string Game, string Token)> Students)> StartClassAsync(ServerProcess server)
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 3 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var games = created.GetProperty("gameIds").EnumerateArray().Select(game => game.GetString()!).ToArray();
        var students = new List<(string Game, string Token)>();
        foreach (var game in games)
        {
            var code = created.GetProperty("joinCodes").EnumerateArray()
                .Single(c => c.GetProperty("gameId").GetString() == game && c.GetProperty("partyId").GetString() == "ukraine").GetProperty("code").GetString();
            students.Add((game, (await connection.CallAsync("joinClass", new { classId, code, name = "Olena" })).Ok().GetProperty("token").GetString()!));
        }

        var instructor = created.GetProperty("instructorToken").GetString()!;
        (await connection.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
        return (instructor, games, students);
    }

    private static async Task<int> RoundAsync(HubConnection connection, string instructor, string game) =>
        (await connection.CallAsync("getClass", new { token = instructor })).Ok().GetProperty("games").EnumerateArray()
            .Single(summary => summary.GetProperty("gameId").GetString() == game).GetProperty("round").GetInt32();
}
