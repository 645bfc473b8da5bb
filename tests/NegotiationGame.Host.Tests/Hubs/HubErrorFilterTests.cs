using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Hubs;

public sealed class HubErrorFilterTests
{
    [Fact]
    public async Task An_exception_the_method_did_not_expect_is_answered_as_a_typed_server_error()
    {
        var filter = new HubErrorFilter(NullLogger<HubErrorFilter>.Instance);
        var result = await filter.InvokeMethodAsync(HubInvocations.With(Bound()), _ => throw new InvalidOperationException("boom"));

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

        var result = await filter.InvokeMethodAsync(HubInvocations.With(unbound), _ =>
        {
            called = true;
            return ValueTask.FromResult<object?>(null);
        });

        Assert.False(called);
        Assert.Equal(HubErrorCodes.InvalidRequest, Assert.IsType<HubFailure>(result).Error.Code);
    }

    private static HubRequest<TokenRequest> Bound() => RequestJson.Bind<TokenRequest>(JsonDocument.Parse("""{ "token": "t" }""").RootElement);
}
