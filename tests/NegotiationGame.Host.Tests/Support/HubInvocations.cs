using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;

namespace NegotiationGame.Host.Tests.Support;

/// <summary>A hub invocation with one argument outside any server, for testing hub filters alone.</summary>
internal static class HubInvocations
{
    public static HubInvocationContext With(object argument) =>
        new(new FakeCallerContext(), new EmptyServices(), new EmptyHub(), typeof(EmptyHub).GetMethod(nameof(EmptyHub.Method))!, [argument]);

    private sealed class EmptyHub : Hub
    {
        public static void Method()
        {
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class FakeCallerContext : HubCallerContext
    {
        public override string ConnectionId => "connection";

        public override string? UserIdentifier => null;

        public override ClaimsPrincipal? User => null;

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}
