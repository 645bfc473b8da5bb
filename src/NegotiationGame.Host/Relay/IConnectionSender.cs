namespace NegotiationGame.Host.Relay;

/// <summary>Hands one message to one SignalR connection; the task ends when the connection's buffer has taken it.</summary>
public interface IConnectionSender
{
    Task SendAsync(string connectionId, string method, object message, CancellationToken cancellationToken);
}
