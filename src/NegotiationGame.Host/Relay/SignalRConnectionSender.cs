using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Host.Hubs;

namespace NegotiationGame.Host.Relay;

public sealed class SignalRConnectionSender(IHubContext<GameHub> hub) : IConnectionSender
{
    public Task SendAsync(string connectionId, string method, object message, CancellationToken cancellationToken) =>
        hub.Clients.Client(connectionId).SendAsync(method, message, cancellationToken);
}
