using NegotiationGame.Host.Access;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// One connection's pushed messages, sent in order, so that a client that stops reading holds up nobody but itself.
/// A message posted while nothing is in flight is sent at once by the caller (a healthy connection's send completes
/// synchronously into its transport buffer, so most pushes cost no hand-off to another thread); one posted while a
/// send is pending waits in a bounded queue that the pending send's continuation drains. A connection that falls that
/// far behind is closed, and its client resumes from the last sequence it applied (docs/protocol.md, "Reconnecting").
/// </summary>
public sealed partial class ConnectionOutbox
{
    private readonly Queue<(string Method, object Message)> _queue = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _capacity;
    private readonly IConnectionSender _sender;
    private readonly Action _abort;
    private readonly ILogger _logger;
    private bool _sending;
    private bool _closed;
    private int _aborted;

    public ConnectionOutbox(string connectionId, int capacity, IConnectionSender sender, Action abort, ILogger logger)
    {
        ConnectionId = connectionId;
        _capacity = capacity;
        _sender = sender;
        _abort = abort;
        _logger = logger;
    }

    public string ConnectionId { get; }

    /// <summary>The role of the token the connection first watched with, which it is counted under.</summary>
    public AccessRole Role { get; init; }

    /// <summary>Messages queued and not yet sent.</summary>
    public int Queued
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>The games this connection watches on this host; guarded by the relay.</summary>
    internal HashSet<string> Games { get; } = new(StringComparer.Ordinal);

    /// <summary>Ends once the outbox is closed and no send is in flight any more.</summary>
    public Task Completion => _stopped.Task;

    /// <summary>Sends a message when nothing is in flight, else queues it, without waiting; a connection whose queue is full is closed instead.</summary>
    public bool Post(string method, object message)
    {
        bool sendNow;
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }

            sendNow = !_sending;
            if (sendNow)
            {
                _sending = true;
            }
            else if (_queue.Count < _capacity)
            {
                _queue.Enqueue((method, message));
                return true;
            }
        }

        if (!sendNow)
        {
            Overflow();
            return false;
        }

        SendFrom(method, message);
        return true;
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
        bool idle;
        lock (_lock)
        {
            _closed = true;
            _queue.Clear();
            idle = !_sending;
        }

        if (idle)
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>
    /// Sends the message and then what was queued meanwhile, on this thread for as long as sends complete at once;
    /// the first send that has to wait carries on with the rest when it completes. Only one runs at a time.
    /// </summary>
    private void SendFrom(string method, object message)
    {
        var next = (Method: method, Message: message);
        while (true)
        {
            Task sent;
            try
            {
                sent = _sender.SendAsync(ConnectionId, next.Method, next.Message, CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Fail(exception);
                return;
            }

            if (!sent.IsCompletedSuccessfully)
            {
                _ = ContinueAfterAsync(sent);
                return;
            }

            if (!TryTakeNext(out next))
            {
                return;
            }
        }
    }

    private async Task ContinueAfterAsync(Task pending)
    {
        try
        {
            // A send stuck on a client that does not read ends when the connection is aborted.
            await pending.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Fail(exception);
            return;
        }

        if (TryTakeNext(out var next))
        {
            SendFrom(next.Method, next.Message);
        }
    }

    /// <summary>The next queued message; when there is none (or the outbox closed), the send in flight is over.</summary>
    private bool TryTakeNext(out (string Method, object Message) next)
    {
        bool closed;
        lock (_lock)
        {
            if (!_closed && _queue.TryDequeue(out next))
            {
                return true;
            }

            _sending = false;
            closed = _closed;
        }

        next = default;
        if (closed)
        {
            _stopped.TrySetResult();
        }

        return false;
    }

    private void Overflow()
    {
        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            RelayInstruments.ClosedAsSlow();
            LogOverflow(_logger, ConnectionId);
            Close();
            _abort();
        }
    }

    private void Fail(Exception exception)
    {
        LogSendFailed(_logger, ConnectionId, exception);
        lock (_lock)
        {
            _sending = false;
        }

        Close();
        if (Interlocked.Exchange(ref _aborted, 1) == 0)
        {
            _abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection {ConnectionId} fell too far behind the games it watches and is closed; it resumes by sequence")]
    private static partial void LogOverflow(ILogger logger, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing to connection {ConnectionId} failed; closing it")]
    private static partial void LogSendFailed(ILogger logger, string connectionId, Exception exception);
}
