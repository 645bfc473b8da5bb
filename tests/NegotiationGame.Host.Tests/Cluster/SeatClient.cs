using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Http.Connections;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>
/// A client of one game over real SignalR that behaves as docs/protocol.md tells any client to: it knows a list of
/// nodes, and when its connection drops it connects to the next node that answers by itself, calls <c>watch</c> from
/// the last sequence it applied, and (playing a seat) sends its unanswered statement again with the same commandId.
/// It records every sequence it applied, every repeat it dropped and every move, so that a test can assert no gap and
/// no duplicate. A player makes a statement every second or two from the start of the negotiation until the game
/// ends; a spectator only watches.
/// </summary>
internal sealed class SeatClient : IAsyncDisposable
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(90);
    private static readonly string[] RetryableCodes = ["ServerError", "Conflict", "RateLimited"];

    private readonly IReadOnlyList<Uri> _nodes;
    private readonly string _token;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private readonly List<long> _applied = [];
    private readonly List<(long Sequence, long ReceivedAt, bool Pushed)> _arrivals = [];
    private readonly List<NodeMove> _moves = [];
    private readonly List<string> _acknowledged = [];
    private readonly List<JsonElement> _buffered = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _negotiating = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource<HubConnection> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _connection;
    private Task _playing = Task.CompletedTask;
    private bool _inSync;
    private long _last;
    private int _repeats;
    private int _node;

    private SeatClient(IReadOnlyList<Uri> nodes, int node, string gameId, string token, string name, int seed)
    {
        _nodes = nodes;
        _node = node;
        GameId = gameId;
        _token = token;
        Name = name;
        _random = new Random(seed);
    }

    public string GameId { get; }

    public string Name { get; }

    /// <summary>The node this client is connected to now (or was last).</summary>
    public Uri Node => _nodes[Volatile.Read(ref _node)];

    /// <summary>Completes once the client has applied the game's <c>GameEnded</c>.</summary>
    public Task Ended => _ended.Task;

    public IReadOnlyList<long> Applied
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    /// <summary>Entries received again (a push of what a <c>watch</c> reply already held) and dropped, as the protocol says.</summary>
    public int RepeatsDropped => Volatile.Read(ref _repeats);

    public IReadOnlyList<NodeMove> Moves
    {
        get
        {
            lock (_gate)
            {
                return [.. _moves];
            }
        }
    }

    /// <summary>The texts of the statements the server acknowledged.</summary>
    public IReadOnlyList<string> Acknowledged
    {
        get
        {
            lock (_gate)
            {
                return [.. _acknowledged];
            }
        }
    }

    /// <summary>When (a <see cref="Stopwatch"/> timestamp) the first pushed entry after <paramref name="timestamp"/> arrived, if one has.</summary>
    public long? FirstPushAfter(long timestamp)
    {
        lock (_gate)
        {
            return _arrivals.Where(arrival => arrival.Pushed && arrival.ReceivedAt > timestamp).Select(arrival => (long?)arrival.ReceivedAt).FirstOrDefault();
        }
    }

    /// <summary>Connects to <paramref name="nodes"/>[<paramref name="node"/>] (or the next that answers), watches the game and, as a player, starts playing.</summary>
    public static async Task<SeatClient> StartAsync(IReadOnlyList<Uri> nodes, int node, string gameId, string token, string name, bool plays, int seed)
    {
        var client = new SeatClient(nodes, node, gameId, token, name, seed);
        await client.ConnectAsync(node);
        await client.SyncAsync();
        if (plays)
        {
            client._playing = Task.Run(client.PlayAsync);
        }

        return client;
    }

    /// <summary>Stops playing; fails with the player's own error if it failed.</summary>
    public async Task StopPlayingAsync()
    {
        await _stopping.CancelAsync();
        await _playing;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _playing;
        }
        catch (Exception)
        {
            // Reported by StopPlayingAsync to a test that asks.
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _stopping.Dispose();
        _syncing.Dispose();
    }

    /// <summary>Connects to the first node from <paramref name="first"/> on that answers, going round the list until patience runs out.</summary>
    private async Task ConnectAsync(int first)
    {
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(ConnectPatience.TotalSeconds * Stopwatch.Frequency);
        for (var attempt = 0; ; attempt++)
        {
            var node = (first + attempt) % _nodes.Count;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(_nodes[node], "/hubs/game"), options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                })
                .Build();
            connection.On<JsonElement>("gameEvent", Receive);
            try
            {
                await connection.StartAsync(_stopping.Token);
            }
            catch (Exception) when (Stopwatch.GetTimestamp() < giveUpAt && !_stopping.IsCancellationRequested)
            {
                await connection.DisposeAsync();

                // Once round the list without an answer: give the cluster a moment before the next round.
                if (attempt % _nodes.Count == _nodes.Count - 1)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), _stopping.Token);
                }

                continue;
            }

            connection.Closed += error => OnClosedAsync(connection, error);
            _connection = connection;
            Volatile.Write(ref _node, node);
            _connected.TrySetResult(connection);
            return;
        }
    }

    private Task OnClosedAsync(HubConnection closed, Exception? error)
    {
        if (_stopping.IsCancellationRequested || closed != _connection)
        {
            return Task.CompletedTask;
        }

        var from = Node;
        var closedAt = Stopwatch.GetTimestamp();
        _connected = new TaskCompletionSource<HubConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            await closed.DisposeAsync();
            await ConnectAsync(Volatile.Read(ref _node) + 1);
            await SyncAsync();
            lock (_gate)
            {
                _moves.Add(new NodeMove(from, Node, Stopwatch.GetElapsedTime(closedAt), error?.GetType().Name));
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Calls <c>watch</c> from the last applied sequence while replies say <c>more</c>, holding pushes back meanwhile,
    /// then applies the pushes that follow. A reply the settling cluster could not give is asked for again.
    /// </summary>
    private async Task SyncAsync()
    {
        await _syncing.WaitAsync(_stopping.Token);
        try
        {
            lock (_gate)
            {
                _inSync = true;
            }

            for (var attempt = 0; ; attempt++)
            {
                var connection = await _connected.Task.WaitAsync(_stopping.Token);
                JsonElement result;
                try
                {
                    result = await connection.InvokeAsync<JsonElement>("watch", new { token = _token, gameId = GameId, afterSequence = Volatile.Read(ref _last) }, _stopping.Token);
                }
                catch (Exception) when (!_stopping.IsCancellationRequested)
                {
                    // The connection dropped under the call: the reconnect that follows syncs again.
                    return;
                }

                if (!result.GetProperty("ok").GetBoolean())
                {
                    Assert.Contains(result.GetProperty("error").GetProperty("code").GetString(), RetryableCodes);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2_000, 100 << Math.Min(attempt, 5))), _stopping.Token);
                    continue;
                }

                lock (_gate)
                {
                    foreach (var entry in result.GetProperty("events").EnumerateArray())
                    {
                        Offer(entry, pushed: false);
                    }
                }

                if (result.GetProperty("more").GetBoolean())
                {
                    continue;
                }

                lock (_gate)
                {
                    _inSync = false;
                    var buffered = _buffered.OrderBy(entry => entry.GetProperty("sequence").GetInt64()).ToList();
                    _buffered.Clear();
                    if (buffered.Exists(entry => !Offer(entry, pushed: true)))
                    {
                        // A gap among the pushes: read it from the log.
                        _ = Task.Run(SyncAsync);
                    }
                }

                return;
            }
        }
        finally
        {
            lock (_gate)
            {
                _inSync = false;
            }

            _syncing.Release();
        }
    }

    private void Receive(JsonElement entry)
    {
        lock (_gate)
        {
            if (_inSync)
            {
                _buffered.Add(entry.Clone());
                return;
            }

            if (!Offer(entry, pushed: true))
            {
                _ = Task.Run(SyncAsync);
            }
        }
    }

    /// <summary>Applies the next entry, drops a repeat, and returns false for one past a gap (not applied).</summary>
    private bool Offer(JsonElement entry, bool pushed)
    {
        var sequence = entry.GetProperty("sequence").GetInt64();
        if (sequence <= _last)
        {
            _repeats++;
            return true;
        }

        if (_last != 0 && sequence != _last + 1)
        {
            return false;
        }

        _last = sequence;
        _applied.Add(sequence);
        _arrivals.Add((sequence, Stopwatch.GetTimestamp(), pushed));
        switch (entry.GetProperty("type").GetString())
        {
            case "NegotiationStarted":
                _negotiating.TrySetResult();
                break;
            case "GameEnded":
                _ended.TrySetResult();
                break;
        }

        return true;
    }

    /// <summary>
    /// Makes a statement every second or two until the game ends. A statement without an answer (the node died under
    /// the call) is sent again, with the same commandId, on whatever node the client is connected to next.
    /// </summary>
    private async Task PlayAsync()
    {
        (Guid Id, string Text)? unanswered = null;
        await Task.WhenAny(_negotiating.Task, _ended.Task).WaitAsync(_stopping.Token);
        for (var n = 0; !_ended.Task.IsCompleted && !_stopping.IsCancellationRequested; n++)
        {
            if (unanswered is null)
            {
                // A student's pace, not a synchronisation: the game ending cuts the pause short.
                var pause = Task.Delay(TimeSpan.FromMilliseconds(_random.Next(1_000, 2_000)), _stopping.Token);
                await Task.WhenAny(pause, _ended.Task);
                if (_ended.Task.IsCompleted || _stopping.IsCancellationRequested)
                {
                    return;
                }

                unanswered = (Guid.NewGuid(), $"{Name} statement {n}");
            }

            var (id, text) = unanswered.Value;
            JsonElement result;
            try
            {
                var connection = await _connected.Task.WaitAsync(_stopping.Token);
                result = await connection.InvokeAsync<JsonElement>("act", new { token = _token, commandId = id, command = new { type = "statement", text } }, _stopping.Token);
            }
            catch (Exception) when (!_stopping.IsCancellationRequested)
            {
                // No answer: send the same command again once the next connection is up (the pause keeps a call on a
                // connection that is closing but not yet closed from spinning).
                await Task.Delay(TimeSpan.FromMilliseconds(100), _stopping.Token);
                continue;
            }

            if (result.GetProperty("ok").GetBoolean())
            {
                lock (_gate)
                {
                    _acknowledged.Add(text);
                }

                unanswered = null;
                continue;
            }

            var code = result.GetProperty("error").GetProperty("code").GetString();
            if (code == "GameAlreadyEnded")
            {
                return;
            }

            Assert.True(RetryableCodes.Contains(code), $"{Name}: {result}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), _stopping.Token);
        }
    }
}

/// <summary>A client's move from a node that closed its connection to another, and how long it took to be watching again.</summary>
internal sealed record NodeMove(Uri From, Uri To, TimeSpan Took, string? Cause);
