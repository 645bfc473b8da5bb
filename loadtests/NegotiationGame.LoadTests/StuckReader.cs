using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NegotiationGame.LoadTests;

/// <summary>
/// A hostile SignalR client: it opens a WebSocket to the hub over a socket with a tiny receive window, does the JSON
/// handshake, calls <c>watch</c>, reads the reply and then never reads again, so the server's sends to it back up.
/// </summary>
public sealed class StuckReader : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly Socket _socket;
    private readonly WebSocket _webSocket;

    private StuckReader(Socket socket, WebSocket webSocket)
    {
        _socket = socket;
        _webSocket = webSocket;
    }

    /// <summary>Connects, watches the game from <paramref name="afterSequence"/> and stops reading once the reply is in.</summary>
    public static async Task<StuckReader> WatchAsync(Uri server, string token, string gameId, long afterSequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048 };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Port), cancellationToken);
        var stream = new NetworkStream(socket, ownsSocket: false);
        await UpgradeAsync(stream, server, cancellationToken);
        var webSocket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        var reader = new StuckReader(socket, webSocket);
        await reader.SendAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        await reader.ReadUntilAsync("{}", cancellationToken);
        var arguments = JsonSerializer.Serialize(new { token, gameId, afterSequence });
        await reader.SendAsync($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"watch\",\"arguments\":[{arguments}]}}", cancellationToken);
        await reader.ReadUntilAsync("\"type\":3", cancellationToken);
        return reader;
    }

    /// <summary>
    /// Starts reading again and tells whether the server has closed the connection: it reads (and drops) whatever
    /// was buffered until the close, or until <paramref name="timeout"/> passes with the connection still open.
    /// </summary>
    public async Task<bool> WasClosedByServerAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var received = await _webSocket.ReceiveAsync(buffer, deadline.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception exception) when (exception is WebSocketException or IOException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _webSocket.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task UpgradeAsync(NetworkStream stream, Uri server, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var request = string.Create(CultureInfo.InvariantCulture,
            $"GET /hubs/game HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        var response = new StringBuilder();
        var one = new byte[1];
        while (!response.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The server closed the connection during the WebSocket upgrade.");
            }

            response.Append((char)one[0]);
        }

        if (!response.ToString().StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new IOException($"The server refused the WebSocket upgrade: {response}");
        }
    }

    private Task SendAsync(string message, CancellationToken cancellationToken) =>
        _webSocket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task ReadUntilAsync(string marker, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var received = await _webSocket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new IOException("The server closed the connection before the reply.");
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }
}
