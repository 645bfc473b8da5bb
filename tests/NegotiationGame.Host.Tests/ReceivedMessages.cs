using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests;

/// <summary>Every message of one kind that a connection receives from the hub, kept in order and awaitable.</summary>
internal sealed class ReceivedMessages
{
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public ReceivedMessages(HubConnection connection, string method = "gameEvent") => connection.On<JsonElement>(method, message =>
    {
        _received.Enqueue(message);
        _arrived.Release();
    });

    public List<JsonElement> All => [.. _received];

    public List<long> Sequences => [.. _received.Select(e => e.GetProperty("sequence").GetInt64())];

    public Task<JsonElement> WaitForTypeAsync(string type, TimeSpan timeout) =>
        WaitForAsync(message => message.GetProperty("type").GetString() == type, timeout);

    /// <summary>The first message (received so far or later) that meets <paramref name="condition"/>; fails after the timeout.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_received.FirstOrDefault(condition) is { ValueKind: not JsonValueKind.Undefined } found)
            {
                return found;
            }

            await _arrived.WaitAsync(deadline.Token);
        }
    }
}
