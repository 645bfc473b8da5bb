using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// One SignalR connection to the hub as the protocol tells clients behind a list of nodes to open it: the WebSocket
/// transport directly, skipping negotiation. Results come back as JSON; a refusal is an error code, not an exception.
/// </summary>
internal static class HubClient
{
    public static async Task<HubConnection> ConnectAsync(Uri node, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/game"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();

        // A saturated server may answer slowly; the run's own deadlines bound every wait, not SignalR's timeouts.
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.HandshakeTimeout = TimeSpan.FromMinutes(1);
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    /// <summary>Calls <paramref name="method"/> and returns its result object; throws when the call is refused.</summary>
    public static async Task<JsonElement> CallAsync(HubConnection connection, string method, object request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var result = await connection.InvokeAsync<JsonElement>(method, request, cancellationToken);
        return ErrorCode(result) is { } code
            ? throw new InvalidOperationException($"{method} was refused with {code}: {result}")
            : result;
    }

    /// <summary>The error code of a refused call's result, or null when the call was served.</summary>
    public static string? ErrorCode(JsonElement result) =>
        result.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True
            ? null
            : result.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code)
                ? code.GetString() ?? "Unknown"
                : "Unknown";
}
