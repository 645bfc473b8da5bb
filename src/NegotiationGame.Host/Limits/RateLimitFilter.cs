using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Hubs.Binding;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Limits;

/// <summary>
/// Charges every hub call to its connection and address before anything else runs (a refused call costs the server
/// one bucket look-up), answers <c>RateLimited</c> with the wait, and counts joins with a wrong code so that
/// guessing codes slows to a crawl and shows in the log.
/// </summary>
public sealed partial class RateLimitFilter(CallLimiter limiter, ILogger<RateLimitFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethodName;
        var address = ClientAddress.Of(invocationContext.Context.GetHttpContext());
        var classId = invocationContext.HubMethodArguments is [HubRequest<JoinClassRequest> { BindingError: null } join] ? join.Value.ClassId : null;
        var uploads = invocationContext.HubMethodArguments is [HubRequest<CreateClassRequest> { BindingError: null } create] && create.Value.ScenarioJson is not null;
        if (limiter.TryCall(method, invocationContext.Context.ConnectionId, address, classId, uploads) is { } wait)
        {
            return HubResults.RateLimited(wait);
        }

        var result = await next(invocationContext);
        if (method == nameof(GameHub.JoinClass) && result is HubFailure { Error.Code: HubErrorCodes.UnknownCode })
        {
            var exhausted = limiter.RecordFailedJoin(address);
            LogFailedJoin(logger, address, classId, exhausted);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join with a wrong code from {Address} for class {ClassId} (further joins from there slowed: {Slowed})")]
    private static partial void LogFailedJoin(ILogger logger, string address, string? classId, bool slowed);
}
