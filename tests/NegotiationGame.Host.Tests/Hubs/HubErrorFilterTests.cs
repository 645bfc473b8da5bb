using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Tests.Hubs;

public sealed class HubErrorFilterTests
{
    [Fact]
    public async Task An_exception_the_method_did_not_expect_is_answered_as_a_typed_server_error()
    {
        var filter = new HubErrorFilter(NullLogger<HubErrorFilter>.Instance);
        var result = await filter.InvokeMethodAsync(Invocation(Bound()), _ => throw new InvalidOperationException("boom"));

        var failure = Assert.IsType<HubFailure>(result);
        Assert.Equal(HubErrorCodes.ServerError, failure.Error.Code);
        Assert.DoesNotContain("boom", failure.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_did_not_bind_never_reaches_the_method()
    {
        var filter = new HubErrorFilter(NullLogger<HubErrorFilter>.Instance);
        var called = false;
        var unbound = RequestJson.Bind<TokenRequest>(JsonDocument.Parse("""{ "token": 5 }""").RootElement);

        var result = await filter.InvokeMethodAsync(Invocation(unbound), _ =>
        {
            called = true;
            return ValueTask.FromResult<object?>(null);
        });

        Assert.False(called);
        Assert.Equal(HubErrorCodes.InvalidRequest, Assert.IsType<HubFailure>(result).Error.Code);
    }

    private static HubRequest<TokenRequest> Bound() => RequestJson.Bind<TokenRequest>(JsonDocument.Parse("""{ "token": "t" }""").RootElement);

    private static HubInvocationContext Invocation(object argument) =>
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
