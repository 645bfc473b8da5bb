using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// The end-to-end load generator: classes created over the hub, four players per game joined over their own
/// WebSocket connections, spectators, alternating offers for a warm-up and a measured window, then a drain in which
/// every feed must reach its game's last event and every log is downloaded and checked. It speaks only what
/// docs/protocol.md says, so it runs as well against the bare hubs that stand in for the server in the baselines.
/// </summary>
internal sealed class EndToEndRun
{
    // createClass accepts at most this many games per class.
    private const int GamesPerClass = 200;

    private readonly LoadSettings _settings;
    private readonly LoadMeter _meter = new();
    private readonly List<(HubConnection Connection, Uri Node, string Token, string[] GameIds)> _instructors = [];
    private readonly ConcurrentBag<LoadConnection> _connections = [];
    private readonly ConcurrentDictionary<string, long> _lastSequence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _spectatorTokens = new(StringComparer.Ordinal);
    private readonly List<SecondFigures> _timeline = [];
    private long _inFlight;
    private TaskCompletionSource? _allAnswered;
    private int _nextNode;

    private EndToEndRun(LoadSettings settings) => _settings = settings;

    public static async Task<LoadReport> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var run = new EndToEndRun(settings);
        try
        {
            return await run.RunAsync(cancellationToken);
        }
        finally
        {
            await run.DisposeConnectionsAsync();
        }
    }

    private async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var seats = await CreateClassesAsync(cancellationToken);
        var players = await JoinAsync(seats, cancellationToken);
        foreach (var (connection, _, token, _) in _instructors)
        {
            await HubClient.CallAsync(connection, "startClass", new { token }, cancellationToken);
        }

        var packages = await WatchAsync(players, cancellationToken);
        var seated = players.Select((seat, index) => new LoadPlayer(seat.Connection, seat.PartyId, seat.PartnerId, _settings.Seed * 1_000_003 + index, packages)).ToArray();
        foreach (var player in seated)
        {
            player.Connection.Player = player;
        }

        Log($"{_connections.Count:N0} connections watching {_settings.Games:N0} games; playing ({_settings.Mode.ToString().ToLowerInvariant()} loop)");
        using var stop = new CancellationTokenSource();
        var load = _settings.Mode == LoadMode.Closed ? RunClosedLoop(seated, stop.Token) : RunOpenLoop(seated, stop.Token);
        var window = await MeasureAsync(cancellationToken);
        await stop.CancelAsync();
        await load.WaitAsync(_settings.DrainPatience, cancellationToken);
        await UntilOutstandingAnsweredAsync(cancellationToken);
        var incomplete = await UntilFeedsCompleteAsync(cancellationToken);
        var logs = _settings.CheckLogs ? await CheckLogsAsync(cancellationToken) : [];
        return Report(window, incomplete, logs);
    }

    /// <summary>Creates enough classes for the games, each from an instructor connection of its own; returns every seat's join code.</summary>
    private async Task<List<(string ClassId, string GameId, string PartyId, string Code, string PartnerId)>> CreateClassesAsync(CancellationToken cancellationToken)
    {
        var seats = new List<(string, string, string, string, string)>();
        for (var created = 0; created < _settings.Games; created += GamesPerClass)
        {
            var node = NextNode();
            var connection = await HubClient.ConnectAsync(node, cancellationToken);
            var games = Math.Min(GamesPerClass, _settings.Games - created);
            var reply = await HubClient.CallAsync(connection, "createClass", new
            {
                title = $"Load {created / GamesPerClass + 1}",
                games,
                briefingSeconds = 0,
                roundSeconds = 0,
                spectatorDelaySeconds = 0,
                seed = _settings.Seed,
                maxSeatsPerRole = 1,
            }, cancellationToken);
            var classId = reply.GetProperty("classId").GetString()!;
            var gameIds = reply.GetProperty("gameIds").EnumerateArray().Select(game => game.GetString()!).ToArray();
            _instructors.Add((connection, node, reply.GetProperty("instructorToken").GetString()!, gameIds));
            foreach (var game in reply.GetProperty("joinCodes").EnumerateArray().Where(code => code.GetProperty("gameId").ValueKind == JsonValueKind.String).GroupBy(code => code.GetProperty("gameId").GetString()!))
            {
                var codes = game.ToArray();
                for (var i = 0; i < codes.Length; i++)
                {
                    // Parties pair up in order; an odd one out plays with the first.
                    var partner = codes[(i ^ 1) < codes.Length ? i ^ 1 : 0];
                    seats.Add((classId, game.Key, codes[i].GetProperty("partyId").GetString()!, codes[i].GetProperty("code").GetString()!, partner.GetProperty("partyId").GetString()!));
                }
            }

            foreach (var game in gameIds)
            {
                var spectatorToken = reply.GetProperty("spectatorTokens").GetProperty(game).GetString()!;
                _lastSequence[game] = 0;
                _spectatorTokens[game] = spectatorToken;
            }
        }

        Log($"{_instructors.Count} classes created, {seats.Count:N0} seats");
        return seats;
    }

    private async Task<(LoadConnection Connection, string PartyId, string PartnerId)[]> JoinAsync(
        List<(string ClassId, string GameId, string PartyId, string Code, string PartnerId)> seats, CancellationToken cancellationToken)
    {
        var players = new (LoadConnection, string, string)[seats.Count];
        var firstOfGame = seats.Select((seat, index) => (seat, index)).GroupBy(entry => entry.seat.GameId).Select(group => group.First().index).ToHashSet();
        await Parallel.ForEachAsync(Enumerable.Range(0, seats.Count), Parallelism(cancellationToken), async (index, token) =>
        {
            var seat = seats[index];
            var connection = await HubClient.ConnectAsync(NextNode(), token);
            var joined = await HubClient.CallAsync(connection, "joinClass", new { classId = seat.ClassId, code = seat.Code, name = $"Player {index + 1}" }, token);
            var watcher = LoadConnection.Of(connection, seat.GameId, joined.GetProperty("token").GetString()!, isSpectator: false, countsOffers: firstOfGame.Contains(index), _meter);
            _connections.Add(watcher);
            players[index] = (watcher, seat.PartyId, seat.PartnerId);
        });
        Log($"{players.Length:N0} players joined");
        return players;
    }

    /// <summary>Connects the spectators, has every connection watch its game, and draws the packages to play from the scenario.</summary>
    private async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> WatchAsync((LoadConnection Connection, string, string)[] players, CancellationToken cancellationToken)
    {
        var spectators = _spectatorTokens.SelectMany(game => Enumerable.Repeat(game, _settings.SpectatorsPerGame)).ToArray();
        await Parallel.ForEachAsync(spectators, Parallelism(cancellationToken), async (game, token) =>
        {
            var connection = await HubClient.ConnectAsync(NextNode(), token);
            var watcher = LoadConnection.Of(connection, game.Key, game.Value, isSpectator: true, countsOffers: false, _meter);
            _connections.Add(watcher);
            await watcher.WatchAsync(token);
        });

        JsonElement? scenario = null;
        await Parallel.ForEachAsync(players, Parallelism(cancellationToken), async (player, token) =>
        {
            var reply = await player.Connection.WatchAsync(token);
            scenario ??= reply.GetProperty("scenario").Clone();
        });
        return Packages(scenario ?? throw new InvalidOperationException("No game to play."), _settings.Seed);
    }

    /// <summary>Seeded partial packages over the scenario's issues (each issue in about a third of them), drawn up front.</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Packages(JsonElement scenario, int seed)
    {
        var issues = scenario.GetProperty("issues").EnumerateArray()
            .Select(issue => (Id: issue.GetProperty("id").GetString()!, Options: issue.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("id").GetString()!).ToArray()))
            .ToArray();
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 512).Select(_ =>
        {
            var chosen = issues.Where(_ => random.Next(3) == 0).DefaultIfEmpty(issues[random.Next(issues.Length)]);
            return (IReadOnlyDictionary<string, string>)chosen.ToDictionary(issue => issue.Id, issue => issue.Options[random.Next(issue.Options.Length)], StringComparer.Ordinal);
        })];
    }

    private Task RunClosedLoop(LoadPlayer[] players, CancellationToken stop) =>
        Task.WhenAll(players.Select(player => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await SendAsync(player, null);
            }
        }, CancellationToken.None)));

    /// <summary>
    /// One thread sends every command at its intended time (rate R over the players, round robin), whatever the
    /// answers, so that a slow server shows as latency from the intended time rather than as a lower rate.
    /// </summary>
    private Task RunOpenLoop(LoadPlayer[] players, CancellationToken stop)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            var ticksPerCommand = Stopwatch.Frequency / _settings.Rate;
            long issued = 0;
            while (!stop.IsCancellationRequested)
            {
                var due = (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * _settings.Rate);
                for (; issued < due; issued++)
                {
                    var intended = start + (long)(issued * ticksPerCommand);
                    if (Interlocked.Read(ref _inFlight) >= _settings.MaxInFlight)
                    {
                        _meter.Error("ClientBacklogFull");
                        continue;
                    }

                    _ = SendAsync(players[issued % players.Length], intended);
                }

                Thread.Sleep(1);
            }

            finished.SetResult();
        })
        { IsBackground = true, Name = "open-loop pacer", Priority = ThreadPriority.AboveNormal };
        pacer.Start();
        return finished.Task;
    }

    private async Task SendAsync(LoadPlayer player, long? intendedAt)
    {
        var (_, request) = player.NextCommand();
        Interlocked.Increment(ref _inFlight);
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            var result = await player.Connection.Connection.InvokeAsync<JsonElement>("act", request);
            if (HubClient.ErrorCode(result) is { } code)
            {
                _meter.Error(code);
                return;
            }

            _meter.Acknowledge(sentAt, intendedAt);
            var sequence = result.GetProperty("lastSequence").GetInt64();
            _lastSequence.AddOrUpdate(player.Connection.GameId, sequence, (_, known) => Math.Max(known, sequence));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _meter.Error(exception.GetType().Name);
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0)
            {
                Volatile.Read(ref _allAnswered)?.TrySetResult();
            }
        }
    }

    /// <summary>Lets the warm-up pass, then measures; prints a line a second and keeps it for the chart.</summary>
    private async Task<WindowFigures> MeasureAsync(CancellationToken cancellationToken)
    {
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var started = Stopwatch.GetTimestamp();
        var windowStart = 0L;
        TimeSpan? cpuBefore = null;
        var rss = new ResidentSamples();
        var end = _settings.Warmup + _settings.Duration;
        while (Stopwatch.GetElapsedTime(started) < end)
        {
            var untilNext = _settings.Warmup - Stopwatch.GetElapsedTime(started);
            if (!_meter.Measuring && untilNext <= TimeSpan.Zero)
            {
                cpuBefore = ServerCpu();
                windowStart = Stopwatch.GetTimestamp();
                _meter.Measuring = true;
            }

            await ticks.WaitForNextTickAsync(cancellationToken);
            var (acks, spectators) = _meter.TakeSecond();
            if (_meter.Measuring)
            {
                rss.Add(ResidentBytes());
            }

            var second = (Stopwatch.GetElapsedTime(started) - _settings.Warmup).TotalSeconds;
            _timeline.Add(new SecondFigures(Math.Round(second, 1), acks.Count, acks.PercentileMs(0.5), acks.PercentileMs(0.99), spectators.PercentileMs(0.99)));
            Log(string.Create(CultureInfo.InvariantCulture,
                $"{(second < 0 ? "warm-up" : "measured")} {second,6:F0} s: {acks.Count,7:N0} commands/s, ack p50 {acks.PercentileMs(0.5),7:F1} ms p99 {acks.PercentileMs(0.99),7:F1} ms, spectator p99 {spectators.PercentileMs(0.99),7:F1} ms, {Interlocked.Read(ref _inFlight):N0} in flight, {_meter.ErrorCount:N0} errors"));
        }

        if (!_meter.Measuring)
        {
            cpuBefore = ServerCpu();
            windowStart = Stopwatch.GetTimestamp();
            _meter.Measuring = true;
        }

        var cpuAfter = ServerCpu();
        var rssAtEnd = ResidentBytes();
        rss.Add(rssAtEnd);
        _meter.Measuring = false;
        return new WindowFigures(Stopwatch.GetElapsedTime(windowStart), cpuAfter - cpuBefore, rssAtEnd, rss.Mean, rss.Peak);
    }

    private long? ResidentBytes() => _settings.ServerProcessId is { } pid ? ServerProcessStats.ResidentBytes(pid) : null;

    private TimeSpan? ServerCpu() => _settings.ServerProcessId is { } pid ? ServerProcessStats.CpuTime(pid) : null;

    /// <summary>Waits (bounded) until every command sent has been answered; no command is sent any more by then.</summary>
    private async Task UntilOutstandingAnsweredAsync(CancellationToken cancellationToken)
    {
        var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _allAnswered, allAnswered);
        if (Interlocked.Read(ref _inFlight) == 0)
        {
            allAnswered.TrySetResult();
        }

        await WithinDrainPatienceAsync(allAnswered.Task, cancellationToken);
    }

    /// <summary>Waits (bounded) until every connection has received its game's last event; returns those that had not.</summary>
    private async Task<List<LoadConnection>> UntilFeedsCompleteAsync(CancellationToken cancellationToken)
    {
        await WithinDrainPatienceAsync(Task.WhenAll(_connections.Select(connection => connection.ReachedAsync(_lastSequence[connection.GameId]))), cancellationToken);
        return [.. _connections.Where(connection => connection.Sequences.Last < _lastSequence[connection.GameId])];
    }

    /// <summary>What has not happened within the drain patience is reported as missing, not waited for.</summary>
    private async Task WithinDrainPatienceAsync(Task signal, CancellationToken cancellationToken)
    {
        try
        {
            await signal.WaitAsync(_settings.DrainPatience, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }

    private async Task<List<LogFinding>> CheckLogsAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var findings = new ConcurrentBag<LogFinding>();
        var games = _instructors.SelectMany(instructor => instructor.GameIds.Select(game => (instructor, game))).ToArray();
        await Parallel.ForEachAsync(games, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (entry, token) =>
        {
            var expected = Math.Max(_lastSequence[entry.game], _connections.Where(connection => connection.GameId == entry.game).Max(connection => connection.Sequences.Last));
            findings.Add(await LogCheck.CheckAsync(http, entry.instructor.Node, entry.instructor.Connection, entry.instructor.Token, entry.game, expected, token));
        });
        Log($"{findings.Count:N0} logs downloaded and checked");
        return [.. findings];
    }

    private LoadReport Report(WindowFigures window, List<LoadConnection> incomplete, List<LogFinding> logs)
    {
        var seconds = window.Elapsed.TotalSeconds;
        var commands = _meter.Acknowledged;
        return new LoadReport
        {
            Mode = _settings.Mode.ToString().ToLowerInvariant(),
            Games = _settings.Games,
            SpectatorsPerGame = _settings.SpectatorsPerGame,
            Connections = _connections.Count + _instructors.Count,
            Seconds = Math.Round(seconds, 2),
            Rate = _settings.Mode == LoadMode.Open ? _settings.Rate : null,
            Commands = commands,
            CommandsPerSecond = Math.Round(commands / seconds, 1),
            OffersResolvedPerSecond = Math.Round(_meter.OffersResolved / seconds, 1),
            AckMs = Rounded(_meter.Acks.Summary()),
            AckFromIntendedMs = _settings.Mode == LoadMode.Open ? Rounded(_meter.AcksFromIntended.Summary()) : null,
            SpectatorMs = Rounded(_meter.Spectators.Summary()),
            SpectatorEvents = _meter.Spectators.Count,
            Errors = _meter.Errors,
            LostEvents = _connections.Sum(connection => connection.Sequences.Lost),
            DuplicatedEvents = _connections.Sum(connection => connection.Sequences.Duplicated),
            IncompleteFeeds = incomplete.Count,
            IncompleteSpectatorFeeds = incomplete.Count(connection => connection.IsSpectator),
            LogsChecked = logs.Count,
            LogGaps = logs.Sum(log => log.Gaps + (log.EndsWhereClientsEnded ? 0 : 1)),
            ServerCpuMsPerCommand = window.ServerCpu is { } cpu && commands > 0 ? Math.Round(cpu.TotalMilliseconds / commands, 4) : null,
            ServerCoresBusy = window.ServerCpu is { } busy ? Math.Round(busy.TotalSeconds / seconds, 2) : null,
            ServerRssMB = Megabytes(window.ServerRss),
            ServerRssMeanMB = Megabytes(window.ServerRssMean),
            ServerRssPeakMB = Megabytes(window.ServerRssPeak),
            BytesPerGame = window.ServerRss is { } total ? Math.Round((double)total / _settings.Games) : null,
            LogBytesPerGame = logs.Count > 0 ? Math.Round(logs.Average(log => (double)log.Length)) : null,
            Timeline = [.. _timeline],
        };
    }

    private static double? Megabytes(double? bytes) => bytes is { } value ? Math.Round(value / 1024 / 1024, 1) : null;

    private static LatencySummary Rounded(LatencySummary summary) =>
        new(Math.Round(summary.P50, 2), Math.Round(summary.P95, 2), Math.Round(summary.P99, 2), Math.Round(summary.Max, 2));

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = _settings.SetupParallelism, CancellationToken = cancellationToken };

    private Uri NextNode() => _settings.Nodes[(Interlocked.Increment(ref _nextNode) - 1) % _settings.Nodes.Count];

    private void Log(string line) => _settings.Progress?.WriteLine(line);

    private async Task DisposeConnectionsAsync()
    {
        await Parallel.ForEachAsync(_connections, async (connection, _) => await connection.DisposeAsync());
        foreach (var (connection, _, _, _) in _instructors)
        {
            await connection.DisposeAsync();
        }
    }
}
