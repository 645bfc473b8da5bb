using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace NegotiationGame.Host.Tests.Telemetry;

/// <summary>
/// ASP.NET Core starts an activity and a logging scope for every request while its request logger is on, and a hub
/// connection is one request held open for hours. The server turns that logger off, so a connection's request keeps
/// neither when nothing traces; an operator who turns it back on gets the request's activity again.
/// </summary>
public sealed class RequestActivityTests(RequestActivityTests.ProbedServer quiet, RequestActivityTests.RequestLoggingServer logging)
    : IClassFixture<RequestActivityTests.ProbedServer>, IClassFixture<RequestActivityTests.RequestLoggingServer>
{
    [Fact]
    public async Task A_hub_connection_holds_no_request_activity_when_nothing_traces()
    {
        await using var connection = await OpenedAsync(quiet);

        Assert.Null(quiet.Probe.ActivityOf(connection.ConnectionId!));
    }

    [Fact]
    public async Task With_the_request_logger_turned_back_on_a_hub_connection_holds_its_requests_activity()
    {
        await using var connection = await OpenedAsync(logging);

        Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", logging.Probe.ActivityOf(connection.ConnectionId!));
    }

    /// <summary>
    /// A connection whose opening the hub has run: the handshake is answered before it, and a connection's calls are
    /// served only after it, so the answer to a call (here a refusal) comes after it.
    /// </summary>
    private static async Task<HubConnection> OpenedAsync(ServerFixture server)
    {
        var connection = await server.ConnectAsync();
        Assert.Equal("Unauthorized", (await connection.CallAsync("getView", new { token = "none" })).ErrorCode());
        return connection;
    }

    /// <summary>The server as shipped, with a hub filter that notes the activity each connection opens under.</summary>
    public class ProbedServer : ServerFixture
    {
        public ActivityProbe Probe { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) =>
            services.Configure<HubOptions>(hub => hub.AddFilter(Probe));
    }

    /// <summary>The server with ASP.NET Core's request logger back at Information.</summary>
    public sealed class RequestLoggingServer : ProbedServer
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
    }

    /// <summary>The name of the activity current when each connection opened (empty when there was none).</summary>
    public sealed class ActivityProbe : IHubFilter
    {
        private readonly ConcurrentDictionary<string, string> _byConnection = new(StringComparer.Ordinal);

        public string? ActivityOf(string connectionId) =>
            _byConnection.TryGetValue(connectionId, out var name) ? (name.Length == 0 ? null : name) : throw new InvalidOperationException($"Connection {connectionId} never opened.");

        public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(next);
            _byConnection[context.Context.ConnectionId] = Activity.Current?.OperationName ?? string.Empty;
            return next(context);
        }
    }
}
