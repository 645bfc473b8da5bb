using System.Threading.Channels;
using NegotiationGame.Host.Access;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// One connection's pushed messages, sent in order by a worker of its own, so that a client that stops reading holds
/// up nobody but itself. The queue is bounded: a connection that falls that far behind is closed, and its client
/// resumes from the last sequence it applied (docs/protocol.md, "Reconnecting").
/// </summary>
public sealed partial class ConnectionOutbox
{
    private readonly Channel<(string Method, object Message)> _queue;
    private readonly IConnectionSender _sender;
    private readonly Action _abort;
    private readonly ILogger _logger;
    private volatile bool _closed;
    private int _aborted;

    public ConnectionOutbox(string connectionId, int capacity, IConnectionSender sender, Action abort, ILogger logger)
    {
        ConnectionId = connectionId;
        _sender = sender;
        _abort = abort;
        _logger = logger;
        _queue = Channel.CreateBounded<(string, object)>(new BoundedChannelOptions(capacity) { SingleReader = true });
        Completion = Task.Run(SendInOrderAsync);
    }

    public string ConnectionId { get; }

    /// <summary>The role of the token the connection first watched with, which it is counted under.</summary>
    public AccessRole Role { get; init; }

    /// <summary>Messages queued and not yet sent.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>The games this connection watches on this host; guarded by the relay.</summary>
    internal HashSet<string> Games { get; } = new(StringComparer.Ordinal);

    /// <summary>Ends once the worker has stopped, after <see cref="Close"/>.</summary>
    public Task Completion { get; }

    /// <summary>Queues a message without waiting; a connection whose queue is full is closed instead.</summary>
    public bool Post(string method, object message)
    {
        if (_queue.Writer.TryWrite((method, message)))
        {
            return true;
        }

        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            RelayInstruments.ClosedAsSlow();
            LogOverflow(_logger, ConnectionId);
            Close();
            _abort();
        }

        return false;
    }

    /// <summary>
    /// Closes the connection itself, as the host stops: its client reconnects, to another node, and resumes by
    /// sequence, instead of holding the web server's shutdown open until the host gives up on it.
    /// </summary>
    public void Disconnect()
    {
        Close();
        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            _abort();
        }
    }

    /// <summary>Stops sending: what is still queued is dropped, the client reads it again by sequence.</summary>
    public void Close()
    {
        _closed = true;
        _queue.Writer.TryComplete();
    }

    private async Task SendInOrderAsync()
    {
        try
        {
            // A send stuck on a client that does not read ends when the connection is aborted.
            while (!_closed && await _queue.Reader.WaitToReadAsync())
            {
                while (!_closed && _queue.Reader.TryRead(out var next))
                {
                    await _sender.SendAsync(ConnectionId, next.Method, next.Message, CancellationToken.None);
                }
            }
        }
        catch (Exception exception)
        {
            LogSendFailed(_logger, ConnectionId, exception);
            _abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} fell too far behind the games it watches and is closed; it resumes by sequence")]
    private static partial void LogOverflow(ILogger logger, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing to connection {ConnectionId} failed; closing it")]
    private static partial void LogSendFailed(ILogger logger, string connectionId, Exception exception);
}
